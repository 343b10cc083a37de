package org.relengine.net

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import java.time.Duration
import spock.lang.Requires
import spock.lang.Specification

/**
 * The JVM waits 300 ms at its exit for every thread in native code, and a java.net.http client's selector thread
 * waits in native code for as long as the client lives: a run that fetched one repomd.xml ended 0.3 s after its
 * last line. Shutting a client down needs JDK 21 (HttpClient.shutdownNow); the launcher starts the newest JDK.
 */
@Requires({ Runtime.version().feature() >= 21 })
class HttpGetThreadsSpec extends Specification {

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8).tap {
        createContext('/') { HttpExchange exchange ->
            exchange.withCloseable {
                byte[] body = exchange.requestURI.path == '/moved' ? new byte[0] : '<repomd/>'.bytes
                if (exchange.requestURI.path == '/moved') {
                    exchange.responseHeaders.add('Location', '/repomd.xml')
                    exchange.sendResponseHeaders(302, -1)
                } else {
                    exchange.sendResponseHeaders(200, body.length)
                    exchange.responseBody.write(body)
                }
            }
        }
        start()
    }

    def cleanup() {
        server.stop(0)
    }

    static Set<Thread> selectors() {
        Thread.allStackTraces.keySet().findAll { it.alive && it.name ==~ /HttpClient-\d+-SelectorManager/ }
    }

    /** The selectors of {@code before}'s complement still alive after up to 5 s: they end soon after a shutdown. */
    static Set<Thread> leftOver(Set<Thread> before) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos()
        Set<Thread> left = selectors() - before
        while (!left.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20)
            left = selectors() - before
        }
        left
    }

    def "a GET leaves no client's thread behind: #what"() {
        given:
        Set<Thread> before = selectors()
        URI uri = URI.create("http://127.0.0.1:${server.address.port}${path}")

        when:
        byte[] body = HttpGet.bytes(uri, Wait.within(Duration.ofSeconds(30)), Duration.ofSeconds(30))

        then:
        new String(body) == '<repomd/>'
        leftOver(before).isEmpty()

        where:
        what                              | path
        'one exchange'                    | '/repomd.xml'
        'a redirect and its exchange'     | '/moved'
    }

    def "a GET the server refuses leaves none either"() {
        given:
        Set<Thread> before = selectors()
        server.createContext('/gone') { HttpExchange exchange -> exchange.withCloseable { exchange.sendResponseHeaders(404, -1) } }

        when:
        HttpGet.bytes(URI.create("http://127.0.0.1:${server.address.port}/gone"), Wait.within(Duration.ofSeconds(30)),
                Duration.ofSeconds(30))

        then:
        thrown(HttpGet.Answered)
        leftOver(before).isEmpty()
    }
}
