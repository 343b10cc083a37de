package org.relengine.yum;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.relengine.secrets.SecretUrl;

/**
 * The HTTP side of the sync engine: connections kept open and reused, at most {@code connections} exchanges at once
 * per host, every wait bounded (30 s for a connection, for headers and between two reads of a body), failed
 * exchanges tried again with a growing pause, and partial downloads continued with a {@code Range} request.
 *
 * <p>Its transport is the JDK's {@link HttpURLConnection}, not {@code java.net.http}: side by side on the 1,992
 * packages of the benchmark's source, the latter spent twice the CPU (2.5 s against 1.3 s, for its selector thread
 * and the hand-offs of each exchange) and failed 4 to 9 exchanges a run with "header parser received no bytes"
 * against an HTTP/1.0 server that closes each connection, each failure a pause before it was tried again (ADR 0005).
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

    private final int connections;
    private final Duration silence;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Map<HttpURLConnection, long[]> transfers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;

    Fetcher(int connections) {
        this(connections, SILENCE);
    }

    /** @param silence how long a server may send nothing before its exchange is given up and tried again */
    Fetcher(int connections, Duration silence) {
        this.connections = connections;
        this.silence = silence;
        // idle connections the JDK keeps per server (5 unless set): as many as may be busy at once
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(connections));
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relengine-sync-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleAtFixedRate(this::cutOff, 1, 1, TimeUnit.SECONDS);
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
                byte[] buffer = Checksum.buffer();
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
            Semaphore host = hosts.computeIfAbsent(authority(url), h -> new Semaphore(connections, true));
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
        private final HttpURLConnection connection;
        /** The time of its last byte, and when it must have ended (nanoTime; Long.MAX_VALUE for no deadline). */
        private final long[] moved;

        Exchange(HttpURLConnection connection, int status, Instant deadline) throws IOException {
            this.connection = connection;
            this.status = status;
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            this.body = stream == null ? InputStream.nullInputStream() : stream;
            long now = System.nanoTime();
            this.moved = new long[]{now, deadline == null ? Long.MAX_VALUE
                    : now + Math.max(0, Duration.between(Instant.now(), deadline).toNanos())};
            transfers.put(connection, moved);
        }

        void moved() {
            moved[0] = System.nanoTime();
        }

        Instant lastModified() {
            return Optional.ofNullable(connection.getHeaderField("Last-Modified")).flatMap(HttpDate::parse)
                    .orElse(null);
        }

        /** Closing a body read to its end gives the connection back for the next exchange to reuse. */
        @Override
        public void close() throws IOException {
            transfers.remove(connection);
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
            Duration wait = silence;
            if (deadline != null) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new IOException("no time was left for GET " + shown(uri.toString()));
                }
                wait = left.compareTo(silence) < 0 ? left : silence;
            }
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout((int) Math.max(1, Math.min(CONNECT.toMillis(), wait.toMillis())));
            // also the longest a read of the body may wait for its next byte
            connection.setReadTimeout((int) Math.max(1, wait.toMillis()));
            secret.ifPresent(s -> connection.setRequestProperty("Authorization", s.basicAuthorization()));
            if (from > 0) {
                connection.setRequestProperty("Range", "bytes=" + from + "-");
            }
            int status;
            try {
                status = connection.getResponseCode();
            } catch (SocketTimeoutException e) {
                connection.disconnect();
                throw new IOException("no answer from " + shown(uri.toString()) + " for " + wait.toSeconds() + " s");
            } catch (ConnectException e) {
                throw new IOException("GET " + shown(uri.toString()) + ": cannot connect to " + uri.getHost() + ":"
                        + port(uri) + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            } catch (IOException e) {
                connection.disconnect();
                throw new IOException("GET " + shown(uri.toString()) + ": " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()), e);
            }
            String location = connection.getHeaderField("Location");
            if (List.of(301, 302, 303, 307, 308).contains(status) && location != null) {
                connection.disconnect();
                URI next = uri.resolve(location);
                if (!authority(next.toString()).equals(authority(uri.toString()))) {
                    throw new Refused("GET " + uri + " was redirected to another server, " + authority(next.toString()));
                }
                if (hops >= 5) {
                    throw new Refused("GET " + uri + " was redirected more than 5 times");
                }
                uri = next;
                continue;
            }
            return new Exchange(connection, status, deadline);
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
        return uri.getScheme() + "://" + uri.getHost() + ":" + port(uri);
    }

    /**
     * An exchange past its deadline, or whose body sent nothing for longer than the silence allowed (the read
     * timeout's backstop), is cut off: the read waiting on it fails and is tried again.
     */
    private void cutOff() {
        long now = System.nanoTime();
        transfers.forEach((connection, moved) -> {
            if (now - moved[0] > silence.toNanos() + TimeUnit.SECONDS.toNanos(1) || now > moved[1]) {
                transfers.remove(connection);
                connection.disconnect();
            }
        });
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
