package org.relengine.net

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import java.nio.charset.StandardCharsets
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import spock.lang.Specification

/**
 * A GET of a URL with credentials sends them as basic authentication, as dnf does, with the URL itself
 * without them; a redirect is followed with them only to the same scheme, host and port. Two real servers on
 * loopback: the repository, and another host it redirects to.
 */
class HttpGetCredentialsSpec extends Specification {

    static final String AUTHORIZATION = 'Basic ' + 'relengine:s3cret'.getBytes(StandardCharsets.UTF_8).encodeBase64()

    /** Every request each server was sent: its path and its Authorization header. */
    List<String> here = new CopyOnWriteArrayList<>()
    List<String> elsewhere = new CopyOnWriteArrayList<>()

    HttpServer repository = server(here) { HttpExchange exchange ->
        switch (exchange.requestURI.path) {
            case '/moved/repomd.xml' -> redirect(exchange, '/repo/repomd.xml')
            case '/away/repomd.xml' -> redirect(exchange, "http://localhost:${other.address.port}/repo/repomd.xml")
            default -> answer(exchange, exchange.requestHeaders.getFirst('Authorization') == AUTHORIZATION ? 200 : 401)
        }
    }

    HttpServer other = server(elsewhere) { HttpExchange exchange -> answer(exchange, 200) }

    def cleanup() {
        repository.stop(0)
        other.stop(0)
    }

    static HttpServer server(List<String> seen, Closure handler) {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8)
        server.createContext('/') { HttpExchange exchange ->
            exchange.withCloseable {
                seen << exchange.requestURI.path + ' ' + exchange.requestHeaders.getFirst('Authorization')
                handler(exchange)
            }
        }
        server.start()
        server
    }

    static void redirect(HttpExchange exchange, String location) {
        exchange.responseHeaders.add('Location', location)
        exchange.sendResponseHeaders(302, -1)
    }

    static void answer(HttpExchange exchange, int status) {
        byte[] body = status == 200 ? '<repomd/>'.bytes : new byte[0]
        exchange.sendResponseHeaders(status, status == 200 ? body.length : -1)
        exchange.responseBody.write(body)
    }

    byte[] get(String path) {
        HttpGet.bytes(URI.create("http://relengine:s3cret@127.0.0.1:${repository.address.port}$path"),
                Wait.within(Duration.ofSeconds(20)), Duration.ofSeconds(20))
    }

    def "the credentials of the URL go as basic authentication"() {
        expect:
        new String(get('/repo/repomd.xml')) == '<repomd/>'
        here == ['/repo/repomd.xml ' + AUTHORIZATION]
    }

    def "a redirect on the same host is followed with them"() {
        expect:
        new String(get('/moved/repomd.xml')) == '<repomd/>'
        here == ['/moved/repomd.xml ' + AUTHORIZATION, '/repo/repomd.xml ' + AUTHORIZATION]
    }

    def "a redirect to another host is not followed, and that host is never sent them"() {
        when:
        get('/away/repomd.xml')

        then:
        IOException e = thrown()
        e.message == "GET http://127.0.0.1:${repository.address.port}/away/repomd.xml was redirected to " +
                "http://localhost:${other.address.port}, which is not given the credentials"
        elsewhere == []
    }

    def "a URL without credentials is fetched as before, redirects to anywhere followed"() {
        when:
        byte[] body = HttpGet.bytes(URI.create("http://127.0.0.1:${repository.address.port}/away/repomd.xml"),
                Wait.within(Duration.ofSeconds(20)), Duration.ofSeconds(20))

        then:
        new String(body) == '<repomd/>'
        elsewhere == ['/repo/repomd.xml null']
    }
}
