package org.relengine.cli

import com.sun.net.httpserver.HttpServer
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Every wait of a run is bounded by the task's --timeout and shown while it lasts. The servers are on loopback:
 * one accepts connections and never says a byte; an artifact store whose listing never comes; one whose image
 * sends its headers and a first piece, then stalls. Each run fails its task within the bound, naming the URL
 * and the wait, says in the progress and the task's log what it waits for, and exits 3 instead of hanging.
 */
class NetworkWaitSpec extends Specification {

    static final Path MINI9 = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')

    static final String IMAGE = 'Mini-9-GenericCloud-Base-9.1-20251111.0.x86_64.qcow2'

    /** Where the image's build is in the store: Rocky's key layout, under its upload epoch. */
    static final String PREFIX = 'buildimage-9.1-x86_64/GenericCloud-Base/'
    static final String KEY = PREFIX + '1762819200/' + IMAGE

    /** Generous for a slow machine, yet far below what an unbounded wait costs (dnf alone retries for minutes). */
    static final int BOUND_SECONDS = 60

    @Shared CountDownLatch release = new CountDownLatch(1)

    /** Accepts every connection and says nothing, until the spec ends. */
    @Shared ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
    @Shared List<Socket> held = Collections.synchronizedList([])

    @Shared HttpServer store = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0).with {
        createContext('/silent/') { exchange -> release.await(); exchange.close() }
        createContext('/stalls/') { exchange ->
            if (exchange.requestURI.path == '/stalls/') {
                byte[] listing = "<ListBucketResult><Contents><Key>$KEY</Key></Contents></ListBucketResult>"
                        .getBytes('UTF-8')
                exchange.sendResponseHeaders(200, listing.length)
                exchange.responseBody.withCloseable { it.write(listing) }
            } else {
                exchange.sendResponseHeaders(200, 700L * 1024 * 1024)
                exchange.responseBody.write(new byte[64 * 1024])
                exchange.responseBody.flush()
                release.await()
                exchange.close()
            }
        }
        executor = Executors.newCachedThreadPool()
        start()
        it
    }

    @TempDir
    Path dir

    def setupSpec() {
        Thread.startDaemon('silent-server') {
            while (!silent.closed) {
                try {
                    held << silent.accept()
                } catch (SocketException ignored) {
                    return
                }
            }
        }
    }

    def cleanupSpec() {
        release.countDown()
        store.stop(0)
        silent.close()
        held.each { it.close() }
    }

    def "a package source that accepts and never answers fails each sync within the task's timeout, naming the URL"() {
        given:
        String base = "http://127.0.0.1:${silent.localPort}/v1/projects"
        String repomd = "$base/mini9/repo/hashed-BaseOS/x86_64/repodata/repomd.xml"

        when:
        long start = System.nanoTime()
        def run = Cli.run([timeout: 300], 'run', MINI9.toString(), '--executor', 'local', '--only', 'compose',
                '--arch', 'x86_64', '--skip-debug', '--skip-source', '--root', dir.toString(), '--source', base,
                '--timeout', '10s', '--jobs', '4')
        double seconds = (System.nanoTime() - start) / 1e9
        Path log = compose().resolve('work/logs/sync_BaseOS_x86_64_os.log')

        then: 'the task fails when its 10 s are up, before the sync engine starts to wait on its own'
        run.exitCode == 3
        run.stackTraceMarkers == []
        seconds < BOUND_SECONDS
        run.stdout =~ (/\n\[\d+\/14\] FAILED  sync:BaseOS:x86_64:os: no answer from / + quote(repomd) +
                / for \d+ s when the task's timeout \(10\.0 s\) ran out, before the sync engine could start\n/)

        and: 'while it waited, the progress and the log said what for'
        run.stdout =~ (/\n\[\d+\/14\] running sync:BaseOS:x86_64:os: waiting for / + quote(repomd) +
                / \(no answer for \d+ s\)\n/)
        Files.readAllLines(log).any { it ==~ (/relengine: waiting for / + quote(repomd) + / \(no answer for \d+ s\)/) }
    }

    def "an artifact store that #what: the image's task fails within the timeout, naming the URL and the wait"() {
        given:
        String url = "http://127.0.0.1:${store.address.port}/$path/"
        Path recipe = Cli.writeRecipe(dir, 'pull.groovy', """\
            // Only the pull of a build result: a cloud image from an artifact store, on one arch.
            release 'Mini Linux', short: 'Mini', version: '9.1', rc: 'RC1', final: true, code: 'Spec'
            arches 'x86_64'
            source peridot, url: 'https://yumrepofs.example.org/v1/projects', project: 'mini9', hashed: true
            artifacts url: '$url'
            repos {
                repo 'BaseOS'
            }
            images {
                cloud 'GenericCloud', format: 'qcow2', variants: ['Base']
            }
            compose {
                cloud()
            }
            """.stripIndent())

        when:
        long start = System.nanoTime()
        def run = Cli.run([timeout: 300], 'run', recipe.toString(), '--executor', 'local', '--only', 'compose',
                '--root', dir.resolve('root').toString(), '--timeout', '10s')
        double seconds = (System.nanoTime() - start) / 1e9
        Path log = compose(dir.resolve('root')).resolve('work/logs/cloud_GenericCloud-Base_x86_64.log')
        String failure = run.stdoutLines.find { it.startsWith('[3/3] FAILED  cloud:GenericCloud-Base:x86_64: ') }

        then:
        run.exitCode == 3
        run.stackTraceMarkers == []
        seconds < BOUND_SECONDS
        failure ==~ /.*: / + pattern(reason, url)
        run.stdoutLines.any { it ==~ /\[\d\/3\] running cloud:GenericCloud-Base:x86_64: / + pattern(shown, url) }
        Files.readAllLines(log).any { it ==~ /relengine: / + pattern(shown, url) }
        Files.readAllLines(log).last() ==~ /relengine: / + pattern(reason, url)
        !Files.exists(compose(dir.resolve('root')).resolve("work/images/x86_64/${IMAGE}.part"))

        where:
        what                                | path     || shown                                                              | reason
        'never answers its listing'         | 'silent' || "waiting for URL?prefix=$PREFIX (no answer for N s)"                 | "no answer from URL?prefix=$PREFIX for N s when the task's timeout (10.0 s) ran out"
        'sends headers, then stalls a body' | 'stalls' || "downloading $IMAGE from URL$KEY: 64 KiB of 700 MiB, no data for N s" | "downloading $IMAGE from URL$KEY stalled at 64 KiB of 700 MiB: no data for N s when the task's timeout (10.0 s) ran out"
    }

    private Path compose(Path root = dir) {
        Files.list(root.resolve('compose/9')).find { it.fileName.toString().startsWith('Mini-9.1-') }
    }

    /** {@code text} as a pattern, {@code URL} the store's URL and each {@code N} a number of seconds. */
    private static String pattern(String text, String url) {
        quote(text.replace('URL', url)).replace(' N ', '\\E \\d+ \\Q')
    }

    private static String quote(String text) {
        java.util.regex.Pattern.quote(text)
    }
}
