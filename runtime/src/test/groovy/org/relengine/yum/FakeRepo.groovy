package org.relengine.yum

import com.sun.net.httpserver.HttpServer
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import java.util.zip.GZIPOutputStream

/**
 * A yum repository made by hand on disk — packages of a few bytes (the engine never reads what is in them) and
 * primary metadata written for them — served over loopback with Last-Modified and Range, logging each request.
 */
class FakeRepo implements Closeable {

    final Path root
    final HttpServer server
    final List<String> requests = new CopyOnWriteArrayList<>()
    /** Paths answered 404 whatever is on disk. */
    final Set<String> missing = [] as Set
    /** Paths whose body is served with one byte changed. */
    final Set<String> corrupt = [] as Set
    /** How long each package's answer waits, in milliseconds. */
    volatile long delay
    /** Packages (any path but metadata) being answered now, and the most answered at once (with {@code concurrent}). */
    final AtomicInteger answering = new AtomicInteger()
    final AtomicInteger mostAtOnce = new AtomicInteger()

    /** @param concurrent answer requests side by side, each on a thread of its own, not one after another */
    FakeRepo(Path root, boolean concurrent = false) {
        this.root = root
        Files.createDirectories(root)
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        if (concurrent) {
            server.executor = Executors.newCachedThreadPool()
        }
        server.createContext('/') { exchange ->
            String path = exchange.requestURI.path.substring(1)
            String range = exchange.requestHeaders.getFirst('Range')
            requests << (range ? "$path $range" : path)
            Path file = root.resolve(path).normalize()
            if (path in missing || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1)
                exchange.close()
                return
            }
            if (!path.contains('repodata/')) {
                mostAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max)
                try {
                    if (delay > 0) {
                        Thread.sleep(delay)
                    }
                } finally {
                    answering.decrementAndGet()
                }
            }
            byte[] body = Files.readAllBytes(file)
            if (path in corrupt) {
                body = body.clone()
                body[0] = (byte) (body[0] ^ 0xff)
            }
            int from = range ? Integer.parseInt(range.replaceAll(/bytes=(\d+)-.*/, '$1')) : 0
            exchange.responseHeaders.add('Last-Modified', DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC)))
            if (from > 0) {
                exchange.responseHeaders.add('Content-Range', "bytes $from-${body.length - 1}/${body.length}")
                exchange.sendResponseHeaders(206, body.length - from)
            } else {
                exchange.sendResponseHeaders(200, body.length)
            }
            exchange.responseBody.write(body, from, body.length - from)
            exchange.close()
        }
        server.start()
    }

    String url() {
        "http://127.0.0.1:${server.address.port}"
    }

    /** Writes the packages ({@code href → content}) and metadata naming them; returns the packages' hrefs. */
    List<String> publish(Map<String, String> packages, Map<String, Object> options = [:]) {
        Instant time = (options.time ?: Instant.parse('2025-11-11T15:42:33Z')) as Instant
        packages.findAll { href, content -> !href.contains('..') }.each { href, content ->
            Path file = root.resolve(href)
            Files.createDirectories(file.parent)
            Files.writeString(file, content)
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(time))
        }
        rewritePrimary(root, packages.collectEntries { k, v -> [(k): v.getBytes('UTF-8')] } as Map<String, byte[]>,
                options.simpleNames as boolean, time)
        packages.keySet() as List
    }

    /** Primary metadata and a repomd.xml naming {@code packages} (href → the bytes served for it). */
    static void rewritePrimary(Path root, Map<String, byte[]> packages, boolean simpleNames = false,
                               Instant time = Instant.parse('2025-11-11T15:42:33Z')) {
        StringBuilder primary = new StringBuilder('<?xml version="1.0" encoding="UTF-8"?>\n<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="' + packages.size() + '">\n')
        packages.each { href, bytes ->
            primary << """<package type="rpm"><name>${href.tokenize('/').last()}</name><arch>noarch</arch>
<checksum type="sha256" pkgid="YES">${sha256(bytes)}</checksum><time file="1762875753" build="1762875700"/>
<size package="${bytes.length}" installed="0" archive="0"/><location href="$href"/><format><rpm:license>MIT</rpm:license></format></package>
"""
        }
        primary << '</metadata>\n'
        Path repodata = root.resolve('repodata')
        Files.createDirectories(repodata)
        byte[] gz = gzip(primary.toString().getBytes('UTF-8'))
        String name = simpleNames ? 'primary.xml.gz' : "${sha256(gz)}-primary.xml.gz"
        Files.write(repodata.resolve(name), gz)
        String repomd = """<?xml version="1.0" encoding="UTF-8"?>
<repomd xmlns="http://linux.duke.edu/metadata/repo"><revision>1</revision>
<data type="primary"><checksum type="sha256">${sha256(gz)}</checksum><location href="repodata/$name"/><size>${gz.length}</size><open-size>0</open-size></data>
</repomd>
"""
        Files.writeString(repodata.resolve('repomd.xml'), repomd)
        [repodata.resolve('repomd.xml'), repodata.resolve(name)].each {
            Files.setLastModifiedTime(it, java.nio.file.attribute.FileTime.from(time))
        }
    }

    static byte[] gzip(byte[] bytes) {
        def out = new ByteArrayOutputStream()
        new GZIPOutputStream(out).withCloseable { it.write(bytes) }
        out.toByteArray()
    }

    static String sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }

    /** The requests for packages (not metadata). */
    List<String> packageRequests() {
        requests.findAll { !it.startsWith('repodata/') }
    }

    @Override
    void close() {
        server.stop(0)
        if (server.executor instanceof ExecutorService) {
            ((ExecutorService) server.executor).shutdownNow()
        }
    }
}
