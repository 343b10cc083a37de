package org.relengine.exec

import com.sun.net.httpserver.HttpServer
import java.time.Duration
import java.util.concurrent.CountDownLatch
import spock.lang.Shared
import spock.lang.Specification

/**
 * A repository is fingerprinted by its repomd.xml, fetched within a bound: a server on loopback that answers
 * its headers and then stalls its body must not hold a run before its task starts.
 */
class InputFingerprintsSpec extends Specification {

    static final String REPOMD = '<repomd><revision>1</revision></repomd>\n'

    @Shared CountDownLatch release = new CountDownLatch(1)

    @Shared HttpServer server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0).with {
        createContext('/good/repodata/repomd.xml') { exchange ->
            byte[] body = REPOMD.getBytes('UTF-8')
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.withCloseable { it.write(body) }
        }
        createContext('/stalls/repodata/repomd.xml') { exchange ->
            exchange.sendResponseHeaders(200, 1000)
            exchange.responseBody.write('<repomd>'.getBytes('UTF-8'))
            exchange.responseBody.flush()
            release.await()
            exchange.close()
        }
        executor = java.util.concurrent.Executors.newCachedThreadPool()
        start()
        it
    }

    def cleanupSpec() {
        release.countDown()
        server.stop(0)
    }

    String url(String path) {
        "http://127.0.0.1:${server.address.port}/$path"
    }

    def "a repository's fingerprint is the SHA-256 of its repomd.xml"() {
        expect:
        new InputFingerprints(Duration.ofSeconds(5)).repository(url('good')) ==
                'repomd.xml sha256 ' + REPOMD.getBytes('UTF-8').digest('SHA-256')
    }

    def "a repomd.xml whose body stalls is given up after the bound, and said so"() {
        when:
        long start = System.nanoTime()
        String fingerprint = new InputFingerprints(Duration.ofSeconds(2)).repository(url('stalls'))
        double seconds = (System.nanoTime() - start) / 1e9

        then:
        fingerprint == 'repomd.xml unavailable (no answer within 2 s)'
        seconds < 20
    }
}
