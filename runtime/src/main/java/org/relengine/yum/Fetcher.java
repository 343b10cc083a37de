package org.relengine.yum;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.relengine.secrets.SecretUrl;

/**
 * The HTTP side of the sync engine: one client whose connections are kept open and reused, at most
 * {@code connections} exchanges at once per host, every wait bounded (30 s for a connection, for headers and
 * between two reads of a body), failed exchanges tried again with a growing pause, and partial downloads continued
 * with a {@code Range} request.
 */
final class Fetcher implements AutoCloseable {

    static final Duration CONNECT = Duration.ofSeconds(30);
    static final Duration SILENCE = Duration.ofSeconds(30);
    /** Tries of one exchange in all; the pauses between them grow 0.5 s, 1 s, 2 s, 4 s. */
    static final int TRIES = 5;
    private static final long FIRST_PAUSE_MILLIS = 500;

    /** What came back from a GET: the body, and the server's Last-Modified, or null. */
    record Body(byte[] bytes, Instant lastModified) {
    }

    /** A download that ended complete and verified. */
    record Download(Instant lastModified, long fetched, boolean resumed) {
    }

    /** A server's answer that trying again will not change (404, 403, …), or a checksum that never matches. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final HttpClient plain;
    private volatile HttpClient tls;
    private final int connections;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Map<InputStream, long[]> transfers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;

    Fetcher(int connections) {
        this.connections = connections;
        this.plain = plainClient();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relengine-sync-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleAtFixedRate(this::closeSilent, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * A client for http:// only: the JDK's client loads the default TLS context (the CA certificates and the
     * providers, 0.2 to 0.5 s) even when it never speaks TLS, which is most of a re-sync with nothing changed; a
     * context that is never initialised spares it.
     */
    private static HttpClient plainClient() {
        try {
            return builder().sslContext(SSLContext.getInstance("TLS")).sslParameters(new SSLParameters()).build();
        } catch (NoSuchAlgorithmException e) {
            return builder().build();
        }
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    private HttpClient client(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return plain;
        }
        HttpClient client = tls;
        if (client == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = builder().build();
                }
                client = tls;
            }
        }
        return client;
    }

    /** A small body (a repomd.xml) whole into memory. */
    Body bytes(String url, Instant deadline) throws IOException {
        Path local = local(url);
        if (local != null) {
            return new Body(readLocal(local, url), Files.getLastModifiedTime(local).toInstant());
        }
        return tried(url, deadline, () -> {
            try (Exchange exchange = open(url, 0, deadline)) {
                expect(exchange, 200, url);
                return new Body(exchange.body.readAllBytes(), exchange.lastModified());
            }
        });
    }

    /**
     * The body of {@code url} into {@code part}, continuing what is already there, verified against its size and
     * checksum; a part that does not verify is fetched again once from its start.
     *
     * @param progress hears each count of bytes as it arrives
     * @throws Refused when the server refuses it or its checksum never matches
     */
    Download toPart(String url, Path part, long size, Checksum checksum, Instant deadline, LongConsumer progress)
            throws IOException {
        Path local = local(url);
        if (local != null) {
            return copied(local, url, part, checksum, progress);
        }
        boolean resumed = Files.isRegularFile(part) && Files.size(part) > 0;
        Download first = tried(url, deadline, () -> download(url, part, size, checksum, deadline, progress));
        if (first != null) {
            return first;
        }
        // what was there before did not verify with what came after: once more, from the first byte
        Files.deleteIfExists(part);
        Download again = tried(url, deadline, () -> download(url, part, size, checksum, deadline, progress));
        if (again != null) {
            return new Download(again.lastModified(), again.fetched(), resumed);
        }
        Files.deleteIfExists(part);
        throw new Refused("its checksum (" + checksum.type() + ") does not match what the metadata says, "
                + "downloaded twice");
    }

    /** The file a {@code file://} URL names, or null for any other URL. */
    private static Path local(String url) throws IOException {
        if (!url.regionMatches(true, 0, "file:", 0, 5)) {
            return null;
        }
        try {
            return Path.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new Refused(url + " is not a file URL relengine can read: " + e.getMessage());
        }
    }

    private static byte[] readLocal(Path file, String url) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Refused(url + " is not there");
        }
        return Files.readAllBytes(file);
    }

    /** A {@code file://} tree's file copied into the part, as dnf copies it: verified, with the file's time. */
    private static Download copied(Path file, String url, Path part, Checksum checksum, LongConsumer progress)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Refused(url + " is not there");
        }
        Files.copy(file, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        progress.accept(Files.size(part));
        if (!checksum.matches(part)) {
            Files.deleteIfExists(part);
            throw new Refused("its checksum (" + checksum.type() + ") does not match what the metadata says");
        }
        return new Download(Files.getLastModifiedTime(file).toInstant(), Files.size(part), false);
    }

    /** One download into the part; null when the result does not verify. */
    private Download download(String url, Path part, long size, Checksum checksum, Instant deadline,
                              LongConsumer progress) throws IOException {
        MessageDigest digest = checksum.digest();
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (size >= 0 && have > size) {
            Files.delete(part);
            have = 0;
        }
        if (size >= 0 && have == size) {
            return checksum.matches(part) ? new Download(Files.getLastModifiedTime(part).toInstant(), 0, true) : null;
        }
        try (Exchange exchange = open(url, have, deadline)) {
            boolean append = have > 0 && exchange.status == 206;
            if (!append) {
                expect(exchange, 200, url);
                have = 0;
            } else {
                Checksum.feed(digest, part);
            }
            long fetched = 0;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = exchange.body.read(buffer)) > 0) {
                    written(out, buffer, n, part);
                    digest.update(buffer, 0, n);
                    fetched += n;
                    exchange.moved();
                    progress.accept(n);
                }
            }
            if (size >= 0 && have + fetched != size) {
                throw new IOException("the server sent " + (have + fetched) + " bytes of " + size);
            }
            if (!checksum.matches(digest)) {
                return null;
            }
            return new Download(exchange.lastModified(), fetched, append);
        }
    }

    /**
     * A write into the part; a fault of this machine's disk (full, read-only) is not the network's, and trying the
     * download again would not mend it.
     */
    private static void written(OutputStream out, byte[] buffer, int n, Path part) throws Refused {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new Refused("cannot write " + part + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws IOException;
    }

    /**
     * The attempt, tried again after a pause when it fails in a way that may pass, at most {@link #TRIES} times and
     * never past the deadline: the failure that met the deadline is the one reported.
     */
    private <T> T tried(String url, Instant deadline, Attempt<T> attempt) throws IOException {
        long pause = FIRST_PAUSE_MILLIS;
        for (int i = 1; ; i++) {
            Semaphore host = hosts.computeIfAbsent(authority(url), h -> new Semaphore(connections));
            try {
                host.acquire();
                try {
                    return attempt.run();
                } finally {
                    host.release();
                }
            } catch (Refused e) {
                throw e;
            } catch (IOException e) {
                if (deadline != null && Instant.now().plusMillis(pause).isAfter(deadline)) {
                    throw e;
                }
                if (i >= TRIES) {
                    throw new IOException(e.getMessage() + " (tried " + TRIES + " times)", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            pause *= 2;
        }
    }

    /** An answer being read: its status, headers and body. */
    private final class Exchange implements AutoCloseable {
        final int status;
        final InputStream body;
        final HttpResponse<InputStream> response;
        /** The time of its last byte, and when it must have ended (nanoTime; Long.MAX_VALUE for no deadline). */
        private final long[] moved;

        Exchange(HttpResponse<InputStream> response, Instant deadline) {
            this.response = response;
            this.status = response.statusCode();
            this.body = response.body();
            long now = System.nanoTime();
            this.moved = new long[]{now, deadline == null ? Long.MAX_VALUE
                    : now + Math.max(0, Duration.between(Instant.now(), deadline).toNanos())};
            transfers.put(body, moved);
        }

        void moved() {
            moved[0] = System.nanoTime();
        }

        Instant lastModified() {
            return response.headers().firstValue("Last-Modified").flatMap(Fetcher::httpDate).orElse(null);
        }

        @Override
        public void close() throws IOException {
            transfers.remove(body);
            body.close();
        }
    }

    /**
     * A GET, continuing from byte {@code from} when above zero. Credentials in the URL go in the request's basic
     * authentication, never in the URL sent; redirects are followed to the same scheme, host and port only.
     */
    private Exchange open(String url, long from, Instant deadline) throws IOException {
        Optional<SecretUrl> secret = SecretUrl.of(url);
        URI uri = URI.create(secret.map(SecretUrl::bare).orElse(url));
        for (int hops = 0; ; hops++) {
            Duration wait = SILENCE;
            if (deadline != null) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new IOException("no time was left for GET " + shown(uri.toString()));
                }
                wait = left.compareTo(SILENCE) < 0 ? left : SILENCE;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(wait);
            secret.ifPresent(s -> request.header("Authorization", s.basicAuthorization()));
            if (from > 0) {
                request.header("Range", "bytes=" + from + "-");
            }
            HttpResponse<InputStream> response;
            try {
                response = client(uri).send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.http.HttpTimeoutException e) {
                throw new IOException("no answer from " + shown(uri.toString()) + " for " + wait.toSeconds() + " s");
            } catch (java.net.ConnectException e) {
                // the JDK's client gives no message: say what could not be reached
                throw new IOException("GET " + shown(uri.toString()) + ": cannot connect to " + uri.getHost() + ":"
                        + port(uri) + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            } catch (IOException e) {
                throw e.getMessage() == null ? new IOException("GET " + shown(uri.toString()) + ": "
                        + e.getClass().getSimpleName(), e) : e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (List.of(301, 302, 303, 307, 308).contains(status) && location.isPresent()) {
                response.body().close();
                URI next = uri.resolve(location.get());
                if (!authority(next.toString()).equals(authority(uri.toString()))) {
                    throw new Refused("GET " + uri + " was redirected to another server, " + authority(next.toString()));
                }
                if (hops >= 5) {
                    throw new Refused("GET " + uri + " was redirected more than 5 times");
                }
                uri = next;
                continue;
            }
            return new Exchange(response, deadline);
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String shown(String url) {
        return SecretUrl.of(url).map(SecretUrl::toString).orElse(url);
    }

    private static void expect(Exchange exchange, int status, String url) throws IOException {
        if (exchange.status == status) {
            return;
        }
        String message = "GET " + shown(url) + " answered " + exchange.status;
        // 408, 429 and 5xx may pass; anything else the server will say again
        if (exchange.status == 408 || exchange.status == 429 || exchange.status >= 500) {
            throw new IOException(message);
        }
        throw new Refused(message);
    }

    private static String authority(String url) {
        URI uri = URI.create(SecretUrl.of(url).map(SecretUrl::bare).orElse(url));
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    static Optional<Instant> httpDate(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A body that sent nothing for {@link #SILENCE} is closed: the read waiting on it fails and is tried again. */
    private void closeSilent() {
        long now = System.nanoTime();
        transfers.forEach((body, moved) -> {
            if (now - moved[0] > SILENCE.toNanos() || now > moved[1]) {
                transfers.remove(body);
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the reader fails on its own
                }
            }
        });
    }

    /**
     * Closes the clients where the JDK lets them be closed (21 and newer): an open client holds the JVM's exit
     * back by some 0.3 s, as long as a re-sync with nothing changed takes in all.
     */
    @Override
    public void close() {
        watchdog.shutdownNow();
        for (HttpClient client : new HttpClient[]{plain, tls}) {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing is a courtesy at exit
                }
            }
        }
    }
}
