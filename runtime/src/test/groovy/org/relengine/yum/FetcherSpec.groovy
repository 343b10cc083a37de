package org.relengine.yum

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.time.Duration
import java.time.Instant
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch

/**
 * The engine's HTTP exchanges against a server on loopback that answers as each case needs: what is tried again
 * and what is not, redirects, credentials, Range, and every wait bounded.
 */
@Timeout(60)
class FetcherSpec extends Specification {

    static final byte[] BODY = (0..<5000).collect { (byte) (it * 7) } as byte[]
    static final String LAST_MODIFIED = 'Sat, 05 Dec 2026 12:00:00 GMT'

    @TempDir
    Path dir

    HttpServer server
    final List<String> requests = new CopyOnWriteArrayList<>()
    final List<String> authorizations = new CopyOnWriteArrayList<>()
    final CountDownLatch release = new CountDownLatch(1)
    Fetcher fetcher = new Fetcher(2)

    def setup() {
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 50)
        server.executor = java.util.concurrent.Executors.newCachedThreadPool()
        server.start()
    }

    def cleanup() {
        release.countDown()
        fetcher.close()
        server.stop(0)
    }

    String url(String path) {
        "http://127.0.0.1:${server.address.port}/$path"
    }

    /** Serves {@code path} by the closure, which gets the exchange and the number of the request (1 for the first). */
    void serve(String path, Closure answer) {
        int count = 0
        server.createContext("/$path") { HttpExchange exchange ->
            String range = exchange.requestHeaders.getFirst('Range')
            requests << (range ? "${exchange.requestURI} $range" : exchange.requestURI.toString())
            authorizations << exchange.requestHeaders.getFirst('Authorization')
            try {
                answer(exchange, ++count)
            } finally {
                exchange.close()
            }
        }
    }

    static void body(HttpExchange exchange, byte[] bytes, int status = 200) {
        exchange.responseHeaders.add('Last-Modified', LAST_MODIFIED)
        exchange.sendResponseHeaders(status, bytes.length)
        exchange.responseBody.write(bytes)
    }

    static void status(HttpExchange exchange, int status) {
        exchange.sendResponseHeaders(status, -1)
    }

    static Checksum sha256(byte[] bytes) {
        new Checksum('sha256', MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString())
    }

    Fetcher.Download download(String path, Instant deadline = null) {
        fetcher.toPart(url(path), dir.resolve('part'), BODY.length, sha256(BODY), deadline, {})
    }

    def "a server error is tried again after a pause, and the download then verifies"() {
        given:
        serve('p.rpm') { HttpExchange exchange, int n -> n < 3 ? status(exchange, 503) : body(exchange, BODY) }

        when:
        def result = download('p.rpm')

        then:
        requests == ['/p.rpm'] * 3
        result.fetched() == BODY.length
        result.lastModified() == Instant.parse('2026-12-05T12:00:00Z')
        Files.readAllBytes(dir.resolve('part')) == BODY
    }

    def "an answer that trying again will not change (#code) is refused at the first request"() {
        given:
        serve('p.rpm') { HttpExchange exchange, int n -> status(exchange, code) }

        when:
        download('p.rpm')

        then:
        def refused = thrown(Fetcher.Refused)
        refused.message == "GET ${url('p.rpm')} answered $code".toString()
        requests == ['/p.rpm']

        where:
        code << [403, 404, 410]
    }

    def "a redirect to the same server is followed"() {
        given:
        serve('old/p.rpm') { HttpExchange exchange, int n ->
            exchange.responseHeaders.add('Location', '/new/p.rpm')
            status(exchange, 302)
        }
        serve('new/p.rpm') { HttpExchange exchange, int n -> body(exchange, BODY) }

        when:
        def result = download('old/p.rpm')

        then:
        requests == ['/old/p.rpm', '/new/p.rpm']
        result.fetched() == BODY.length
    }

    def "a redirect to another server is refused, naming it"() {
        given:
        serve('p.rpm') { HttpExchange exchange, int n ->
            exchange.responseHeaders.add('Location', 'http://mirror.example.org/p.rpm')
            status(exchange, 301)
        }

        when:
        download('p.rpm')

        then:
        def refused = thrown(Fetcher.Refused)
        refused.message == "GET ${url('p.rpm')} was redirected to another server, http://mirror.example.org:80"
        requests == ['/p.rpm']
    }

    def "credentials in the URL are sent as basic authentication and never in the request line"() {
        given:
        serve('p.rpm') { HttpExchange exchange, int n -> body(exchange, BODY) }

        when:
        fetcher.toPart("http://builder:s3cr%40t@127.0.0.1:${server.address.port}/p.rpm", dir.resolve('part'),
                BODY.length, sha256(BODY), null, {})

        then:
        requests == ['/p.rpm']
        authorizations == ['Basic ' + 'builder:s3cr@t'.bytes.encodeBase64().toString()]
    }

    def "a part already there is continued with a Range request from its end"() {
        given:
        Files.write(dir.resolve('part'), BODY[0..<2000] as byte[])
        serve('p.rpm') { HttpExchange exchange, int n ->
            assert exchange.requestHeaders.getFirst('Range') == 'bytes=2000-'
            exchange.responseHeaders.add('Content-Range', "bytes 2000-${BODY.length - 1}/${BODY.length}")
            body(exchange, BODY[2000..<BODY.length] as byte[], 206)
        }

        when:
        def result = download('p.rpm')

        then:
        requests == ['/p.rpm bytes=2000-']
        result.resumed()
        result.fetched() == BODY.length - 2000
        Files.readAllBytes(dir.resolve('part')) == BODY
    }

    def "a body that goes silent is cut off after the silence allowed, and continued from where it stopped"() {
        given:
        fetcher = new Fetcher(2, Duration.ofMillis(500))
        serve('p.rpm') { HttpExchange exchange, int n ->
            if (n == 1) {
                exchange.sendResponseHeaders(200, BODY.length)
                exchange.responseBody.write(BODY, 0, 1000)
                exchange.responseBody.flush()
                release.await()
            } else {
                exchange.responseHeaders.add('Content-Range', "bytes 1000-${BODY.length - 1}/${BODY.length}")
                body(exchange, BODY[1000..<BODY.length] as byte[], 206)
            }
        }

        when:
        def result = download('p.rpm')

        then:
        requests == ['/p.rpm', '/p.rpm bytes=1000-']
        Files.readAllBytes(dir.resolve('part')) == BODY
        result.fetched() == BODY.length - 1000
    }

    def "a server that never answers fails within the deadline, saying how long it waited for whom"() {
        given:
        serve('repodata/repomd.xml') { HttpExchange exchange, int n -> release.await() }

        when:
        long start = System.nanoTime()
        fetcher.bytes(url('repodata/repomd.xml'), Instant.now().plusMillis(1500))

        then:
        def e = thrown(IOException)
        e.message == "no answer from ${url('repodata/repomd.xml')} for 1 s".toString()
        Duration.ofNanos(System.nanoTime() - start) < Duration.ofSeconds(3)
        requests == ['/repodata/repomd.xml']
    }

    def "a server nothing listens on is named with its host and port"() {
        given:
        int port = new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }

        when:
        fetcher.bytes("http://127.0.0.1:$port/repodata/repomd.xml", Instant.now().plusMillis(200))

        then:
        def e = thrown(IOException)
        e.message.startsWith("GET http://127.0.0.1:$port/repodata/repomd.xml: cannot connect to 127.0.0.1:$port")
    }

    def "a checksum that does not match is downloaded once more from the start, then refused"() {
        given:
        byte[] wrong = BODY.clone()
        wrong[10] = (byte) (wrong[10] + 1)
        serve('p.rpm') { HttpExchange exchange, int n -> body(exchange, wrong) }

        when:
        download('p.rpm')

        then:
        def refused = thrown(Fetcher.Refused)
        refused.message == 'its checksum (sha256) does not match what the metadata says, downloaded twice'
        requests == ['/p.rpm'] * 2
        !Files.exists(dir.resolve('part'))
    }
}
