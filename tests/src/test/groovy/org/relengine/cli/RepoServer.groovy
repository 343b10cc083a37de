package org.relengine.cli

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.transform.CompileStatic
import groovy.transform.Immutable
import java.nio.file.Files
import java.nio.file.Path
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.regex.Matcher

/**
 * A yum repository server on loopback, as a plain web server or mirror serves one: the files of a directory,
 * with {@code Last-Modified} from each file's modification time, {@code Content-Length}, and single byte ranges
 * ({@code Range: bytes=N-} or {@code bytes=N-M}, answered 206 with {@code Content-Range}; 416 past the end).
 * Every request is logged with the range it asked for and the bytes actually written to the client (fewer than
 * the body when the client went away). An optional throttle limits each response to so many bytes a second.
 */
@CompileStatic
final class RepoServer implements AutoCloseable {

    /** One request: its path, the first byte it asked for (null without a Range header), the bytes it was sent. */
    @Immutable
    static final class Request {
        String path
        Long rangeStart
        long bytesSent
    }

    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC)

    private static final int CHUNK = 16 * 1024

    final Path root
    final List<Request> requests = new CopyOnWriteArrayList<>()

    /** Bytes a second each response is sent at; 0 for as fast as the client takes them. */
    volatile long throttle = 0

    private final AtomicInteger active = new AtomicInteger()
    private final HttpServer server
    private final ExecutorService executor

    static {
        // as tests/pom.xml sets it, for a run outside Maven: read once, when the JDK's first HTTP server starts
        System.setProperty('sun.net.httpserver.nodelay', 'true')
    }

    private RepoServer(Path root) {
        this.root = root.toAbsolutePath().normalize()
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 64)
        server.createContext('/') { HttpExchange exchange -> serve(exchange) }
        executor = Executors.newFixedThreadPool(16) { Runnable r ->
            Thread thread = new Thread(r, 'repo-server')
            thread.daemon = true
            thread
        }
        server.executor = executor
        server.start()
    }

    static RepoServer start(Path root) {
        new RepoServer(root)
    }

    /** The URL of a directory under the root. */
    String url(String path) {
        "http://127.0.0.1:${server.address.port}/${path}"
    }

    /** The requests for one path (relative to the root, as in {@link #url}). */
    List<Request> requestsFor(String path) {
        requests.findAll { it.path == '/' + path }
    }

    /** The bytes sent in all for one path. */
    long bytesSent(String path) {
        (long) requestsFor(path).sum(0L) { Request r -> r.bytesSent }
    }

    /**
     * Waits until no response is being sent: after the client was killed, until each of its requests is logged
     * with what it was sent.
     */
    void awaitIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (active.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("${active.get()} responses still being sent after 30 s" as Object)
            }
            Thread.sleep(10)
        }
    }

    private void serve(HttpExchange exchange) {
        active.incrementAndGet()
        String path = exchange.requestURI.path
        long sent = 0
        Long rangeStart = null
        try {
            Path file = root.resolve(path.substring(1)).normalize()
            if (!(exchange.requestMethod in ['GET', 'HEAD'])) {
                exchange.sendResponseHeaders(405, -1)
                return
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1)
                return
            }
            long size = Files.size(file)
            exchange.responseHeaders.set('Last-Modified', HTTP_DATE.format(Files.getLastModifiedTime(file).toInstant()))
            exchange.responseHeaders.set('Accept-Ranges', 'bytes')
            exchange.responseHeaders.set('Content-Type', 'application/octet-stream')
            long first = 0
            long last = size - 1
            int status = 200
            String range = exchange.requestHeaders.getFirst('Range')
            if (range != null) {
                Matcher m = range =~ /^bytes=(\d+)-(\d*)$/
                if (!m.matches()) {
                    exchange.sendResponseHeaders(416, -1)
                    return
                }
                rangeStart = m.group(1) as long
                if (rangeStart >= size) {
                    exchange.responseHeaders.set('Content-Range', "bytes */$size")
                    exchange.sendResponseHeaders(416, -1)
                    return
                }
                first = rangeStart
                last = m.group(2) ? Math.min(m.group(2) as long, size - 1) : size - 1
                status = 206
                exchange.responseHeaders.set('Content-Range', "bytes $first-$last/$size")
            }
            long length = last - first + 1
            if (exchange.requestMethod == 'HEAD') {
                exchange.responseHeaders.set('Content-Length', String.valueOf(length))
                exchange.sendResponseHeaders(status, -1)
                return
            }
            exchange.sendResponseHeaders(status, length == 0 ? -1 : length)
            Files.newInputStream(file).withCloseable { InputStream input ->
                input.skipNBytes(first)
                byte[] buffer = new byte[CHUNK]
                long started = System.nanoTime()
                OutputStream out = exchange.responseBody
                while (sent < length) {
                    int n = input.read(buffer, 0, (int) Math.min(buffer.length, length - sent))
                    out.write(buffer, 0, n)
                    out.flush()
                    sent += n
                    pace(sent, started)
                }
                out.close()
            }
        } catch (IOException ignored) {
            // the client went away: what was sent until then is logged
        } finally {
            requests << new Request(path, rangeStart, sent)
            exchange.close()
            active.decrementAndGet()
        }
    }

    /** Sleeps until {@code sent} bytes are due at the throttle's rate. */
    private void pace(long sent, long started) {
        long rate = throttle
        if (rate > 0) {
            long due = started + (long) (sent * 1_000_000_000d / rate)
            long wait = due - System.nanoTime()
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait)
            }
        }
    }

    @Override
    void close() {
        server.stop(0)
        executor.shutdownNow()
    }
}
