package org.relengine.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.relengine.formats.NoSpace;
import org.relengine.secrets.SecretUrl;

/**
 * A GET that cannot hang: the connection is given {@link #CONNECT}, the server {@link #SILENCE} without a byte
 * (before its headers or in its body), and the whole exchange what is left of the task's timeout. While it
 * waits it says what for, every {@link #TELL_EVERY}: {@code waiting for URL (no answer for 10 s)}, or
 * {@code downloading URL: 12 MiB of 700 MiB}.
 */
public final class HttpGet {

    /** As long as dnf's own {@code timeout}, which relengine's dnf configuration sets. */
    public static final Duration CONNECT = Duration.ofSeconds(30);
    public static final Duration SILENCE = Duration.ofSeconds(30);
    static final Duration TELL_EVERY = Duration.ofSeconds(5);
    private static final long TICK_MILLIS = 250;

    /** A GET that gave up waiting; its message names the URL and the wait. */
    public static final class Unanswered extends IOException {
        public Unanswered(String message) {
            super(message);
        }
    }

    /** A GET the server answered with another status than 200 (and no redirect followed). */
    public static final class Answered extends IOException {
        private final int status;

        Answered(URI uri, int status) {
            super("GET " + uri + " answered " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Where a body goes, as it comes. */
    private interface Sink {
        void accept(ByteBuffer bytes) throws IOException;
    }

    private HttpGet() {
    }

    /**
     * The whole body, within {@code whole} at most.
     *
     * @throws Unanswered when the server does not answer in time
     * @throws IOException when it cannot be reached, or answers other than 200
     */
    public static byte[] bytes(URI uri, Wait wait, Duration whole) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        get(uri, wait, whole, null, bytes -> {
            byte[] chunk = new byte[bytes.remaining()];
            bytes.get(chunk);
            body.write(chunk);
        });
        return body.toByteArray();
    }

    /** The body into {@code file}, replacing it; returns its size. */
    public static long toFile(URI uri, Path file, Wait wait) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            return get(uri, wait, null, file, bytes -> {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            });
        }
    }

    /**
     * A URL with credentials ({@code https://user:password@host/…}) is fetched without them in it, and they go in
     * the request's basic authentication, as dnf sends them. Redirects are then followed here, and only to the
     * same scheme, host and port: the JDK's client would send the header to wherever a redirect points.
     *
     * @param file where the body goes, to name in messages; null when it is kept in memory
     */
    private static long get(URI uri, Wait wait, Duration whole, Path file, Sink sink) throws IOException {
        Optional<SecretUrl> secret = SecretUrl.of(uri.toString());
        URI target = secret.map(s -> URI.create(s.bare())).orElse(uri);
        Instant start = Instant.now();
        Instant deadline = whole == null || start.plus(whole).isAfter(wait.deadline()) ? wait.deadline()
                : start.plus(whole);
        return get(target, secret.orElse(null), 0, wait, whole, deadline, file, sink);
    }

    /** The redirect to follow with the credentials, or null when the answer is not one. */
    private static URI redirect(URI uri, SecretUrl secret, int hops, int status, String location) throws IOException {
        if (secret == null || location == null || !List.of(301, 302, 303, 307, 308).contains(status)) {
            return null;
        }
        URI next = uri.resolve(location);
        if (!(next.getScheme() + "://" + next.getRawAuthority()).equals(uri.getScheme() + "://" + uri.getRawAuthority())) {
            throw new IOException("GET " + uri + " was redirected to " + next.getScheme() + "://" + next.getRawAuthority()
                    + ", which is not given the credentials");
        }
        if (hops >= 5) {
            throw new IOException("GET " + uri + " was redirected more than 5 times");
        }
        return next;
    }

    private static long get(URI uri, SecretUrl secret, int hops, Wait wait, Duration whole, Instant deadline,
                            Path file, Sink sink) throws IOException {
        Instant start = Instant.now();
        // named as the server names it: the file may be a partial one, renamed once complete
        String name = file == null ? null : uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        Duration left = Duration.between(start, deadline);
        if (left.isNegative() || left.isZero()) {
            throw new Unanswered("the task's timeout (" + seconds(wait.timeout()) + ") ran out before GET " + uri);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(shorter(CONNECT, left))
                .followRedirects(secret == null ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER).build();
        try {
            return exchange(client, uri, secret, hops, wait, whole, deadline, file, sink, start, name);
        } finally {
            shutDown(client);
        }
    }

    /**
     * A client's selector thread waits in native code until the client is collected, and the JVM, when it exits,
     * waits 300 ms for any thread in native code: each client is shut down once its exchange is over (JDK 21 and
     * newer; on 17 the thread ends with the client).
     */
    private static void shutDown(HttpClient client) {
        if (SHUTDOWN_NOW != null) {
            try {
                SHUTDOWN_NOW.invoke(client);
            } catch (ReflectiveOperationException e) {
                // a client that cannot be shut down ends with the process, as on 17
            }
        }
    }

    private static final java.lang.reflect.Method SHUTDOWN_NOW = shutdownNow();

    private static java.lang.reflect.Method shutdownNow() {
        try {
            return HttpClient.class.getMethod("shutdownNow");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static long exchange(HttpClient client, URI uri, SecretUrl secret, int hops, Wait wait, Duration whole,
                                 Instant deadline, Path file, Sink sink, Instant start, String name)
            throws IOException {
        Receiver receiver = new Receiver(sink);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (secret != null) {
            request.header("Authorization", secret.basicAuthorization());
        }
        CompletableFuture<HttpResponse<Long>> exchange = client.sendAsync(request.build(),
                info -> receiver.answered(info));
        Instant told = start;
        while (true) {
            try {
                HttpResponse<Long> response = exchange.get(TICK_MILLIS, TimeUnit.MILLISECONDS);
                URI next = redirect(uri, secret, hops, response.statusCode(), receiver.location());
                if (next != null) {
                    return get(next, secret, hops + 1, wait, whole, deadline, file, sink);
                }
                if (response.statusCode() != 200) {
                    throw new Answered(uri, response.statusCode());
                }
                return response.body();
            } catch (TimeoutException e) {
                // still waiting: see below whether it may go on
            } catch (ExecutionException e) {
                throw failure(uri, file, receiver, e.getCause());
            } catch (InterruptedException e) {
                receiver.abort(exchange);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
            Instant now = Instant.now();
            if (receiver.status() > 0 && receiver.status() != 200) {
                receiver.abort(exchange);
                URI next = redirect(uri, secret, hops, receiver.status(), receiver.location());
                if (next != null) {
                    return get(next, secret, hops + 1, wait, whole, deadline, file, sink);
                }
                throw new Answered(uri, receiver.status());
            }
            Duration quiet = Duration.between(receiver.lastHeard(start), now);
            String stopped = wait.stopped();
            if (stopped != null) {
                receiver.abort(exchange);
                throw new IOException(stopped);
            }
            if (!now.isBefore(deadline)) {
                receiver.abort(exchange);
                throw new Unanswered(unanswered(uri, name, receiver, quiet) + (deadline.equals(wait.deadline())
                        ? " when the task's timeout (" + seconds(wait.timeout()) + ") ran out"
                        : " within " + seconds(whole)));
            }
            if (quiet.compareTo(SILENCE) >= 0) {
                receiver.abort(exchange);
                throw new Unanswered(unanswered(uri, name, receiver, quiet) + "; gave up");
            }
            if (Duration.between(told, now).compareTo(TELL_EVERY) >= 0) {
                wait.tell(waiting(uri, name, receiver, quiet));
                told = now;
            }
        }
    }

    /** What the exchange is waiting for, in a phrase. */
    private static String waiting(URI uri, String name, Receiver receiver, Duration quiet) {
        String silence = quiet.toSeconds() >= 1 ? "no answer for " + quiet.toSeconds() + " s" : null;
        if (receiver.status() == 0) {
            return "waiting for " + uri + " (" + (silence == null ? "no answer yet" : silence) + ")";
        }
        long length = receiver.length();
        return (name == null ? "reading " + uri : "downloading " + name + " from " + uri) + ": "
                + size(receiver.received()) + (length >= 0 ? " of " + size(length) : "")
                + (quiet.toSeconds() >= 2 ? ", no data for " + quiet.toSeconds() + " s" : "");
    }

    /** What was left unanswered: {@code no answer from URL for 20 s}, or where a body stalled. */
    private static String unanswered(URI uri, String name, Receiver receiver, Duration quiet) {
        if (receiver.status() == 0) {
            return "no answer from " + uri + " for " + quiet.toSeconds() + " s";
        }
        long length = receiver.length();
        return (name == null ? "reading " + uri : "downloading " + name + " from " + uri) + " stalled at "
                + size(receiver.received()) + (length >= 0 ? " of " + size(length) : "") + ": no data for "
                + quiet.toSeconds() + " s";
    }

    private static IOException failure(URI uri, Path file, Receiver receiver, Throwable cause) {
        if (receiver.writeFault() != null) {
            IOException fault = receiver.writeFault();
            return NoSpace.caused(fault, file) ? new IOException("no space left on device writing " + file, fault)
                    : new IOException("cannot write " + file + ": " + fault.getMessage(), fault);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new Unanswered("cannot connect to " + uri.getHost() + ":" + port(uri) + " for " + uri
                    + " (no connection within " + seconds(CONNECT) + ")");
        }
        if (cause instanceof ConnectException) {
            return new IOException("cannot connect to " + uri.getHost() + ":" + port(uri) + " for " + uri
                    + " (connection refused)", cause);
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new IOException("GET " + uri + " failed: " + reason, cause);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** {@code 15.0 s}, {@code 2 min 0 s}: as the run's summary words durations. */
    static String seconds(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : d.toMillis() / 1000.0 + " s";
    }

    /** {@code 512 B}, {@code 12 KiB}, {@code 700 MiB}, {@code 1.4 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return bytes / 1024 + " KiB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /**
     * Takes the body as it comes and notes when the server was last heard from. A body that cannot be written
     * where it goes ends the exchange at once, with the write's fault.
     */
    private static final class Receiver implements HttpResponse.BodySubscriber<Long> {
        private final Sink sink;
        private final CompletableFuture<Long> done = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private volatile int status;
        private volatile String location;
        private volatile long length = -1;
        private volatile long received;
        private volatile Instant heard;
        private volatile IOException writeFault;

        Receiver(Sink sink) {
            this.sink = sink;
        }

        HttpResponse.BodySubscriber<Long> answered(HttpResponse.ResponseInfo info) {
            heard = Instant.now();
            length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            location = info.headers().firstValue("Location").orElse(null);
            status = info.statusCode();
            return status == 200 ? this : HttpResponse.BodySubscribers.replacing(0L);
        }

        int status() {
            return status;
        }

        String location() {
            return location;
        }

        long length() {
            return length;
        }

        long received() {
            return received;
        }

        Instant lastHeard(Instant start) {
            return heard == null ? start : heard;
        }

        IOException writeFault() {
            return writeFault;
        }

        void abort(CompletableFuture<?> exchange) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            exchange.cancel(true);
        }

        @Override
        public CompletionStage<Long> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            try {
                for (ByteBuffer item : items) {
                    received += item.remaining();
                    sink.accept(item);
                }
                heard = Instant.now();
                subscription.request(1);
            } catch (IOException e) {
                writeFault = e;
                subscription.cancel();
                done.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable failure) {
            done.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            done.complete(received);
        }
    }
}
