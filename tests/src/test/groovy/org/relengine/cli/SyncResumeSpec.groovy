package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * A sync killed with SIGKILL part-way through its downloads, then run again. The source (hashed layout) holds
 * four large packages of incompressible random bytes (2 to 4 MiB) and three small ones, served at
 * {@link #THROTTLE} bytes a second per response until the kill, so that the kill finds one large package
 * complete and another half-downloaded. Under a final name there is then only what is complete and verified;
 * the run again succeeds, downloads nothing complete a second time, and continues each partial download with
 * a Range request from where it stopped. Features run in order: the kill, then the resumed run.
 */
@Stepwise
class SyncResumeSpec extends Specification {

    static final long MiB = 1024 * 1024
    static final long THROTTLE = MiB
    static final Map<String, Long> LARGE = ['large-one': 2 * MiB, 'large-two': (long) (2.5 * MiB),
                                            'large-three': 3 * MiB, 'large-four': 4 * MiB]
    static final List<String> SMALL = ['small-one', 'small-two', 'small-three']
    /** What a partial download holds at least when the sync is killed. */
    static final long PARTIAL_AT_LEAST = 256 * 1024
    /**
     * What the server may have sent of a partial download that did not reach its {@code .part} file before the
     * kill: what sat in socket buffers and in the engine's own buffers.
     */
    static final long IN_FLIGHT_AT_MOST = 512 * 1024

    @Shared Path work = Files.createTempDirectory('relengine-sync-resume')
    @Shared Path source = work.resolve('source/BaseOS')
    @Shared Path target = work.resolve('mirror/BaseOS')
    @Shared Path staging = target.resolve('.relengine-sync')
    @Shared Path state = work.resolve('state')
    @Shared RepoServer server
    /** What primary.xml names, by location. */
    @Shared Map<String, RepoMetadata.Package> named
    /** The packages under their final name when the sync was killed, by location. */
    @Shared Set<String> completeAtKill
    /** The length of each partial download when the sync was killed, by location. */
    @Shared Map<String, Long> partialAtKill
    /** How many requests the server had logged when the sync was killed. */
    @Shared int requestsAtKill

    def setupSpec() {
        LARGE.each { String name, Long size -> place(RpmBuild.build(work, name, '1.0', randomBytes: size)["$name-1.0-1.el9.noarch.rpm"]) }
        SMALL.each { String name -> place(RpmBuild.build(work, name, '1.0')["$name-1.0-1.el9.noarch.rpm"]) }
        Cli.Result made = Cli.exec(['createrepo_c', '--quiet', source.toString()])
        assert made.exitCode == 0: made.stderr
        named = RepoMetadata.packages(source).collectEntries { [(it.location): it] }
        assert named.size() == LARGE.size() + SMALL.size()
        server = RepoServer.start(work.resolve('source'))
    }

    def cleanupSpec() {
        server?.close()
    }

    void place(Path rpm) {
        Path into = source.resolve("Packages/${rpm.fileName.toString()[0]}/${rpm.fileName}")
        Files.createDirectories(into.parent)
        Files.copy(rpm, into)
    }

    def "a sync killed mid-download leaves under a final name only packages complete and verified"() {
        given:
        server.throttle = THROTTLE
        Path log = work.resolve('killed.log')
        Process sync = Cli.start([:], log, 'sync', '--state', state.toString(), server.url('BaseOS'), target.toString())

        when: 'it is killed once a large package is in place and another is partly downloaded'
        boolean due = awaitCompleteAndPartial(sync)
        Cli.killGroup(sync)
        server.awaitIdle()
        requestsAtKill = server.requests.size()
        completeAtKill = finalRpms().keySet()
        partialAtKill = partialDownloads()

        then: 'every package under its final name is one primary.xml names, with its size and sha256'
        assert due: "no large package was complete with another partial within 60 s: ${Files.readString(log)}"
        !completeAtKill.isEmpty()
        finalRpms().collectEntries { String location, Path file -> [(location): [Files.size(file), TreeSnapshot.sha256(file)]] } ==
                completeAtKill.collectEntries { [(it): [named[it]?.size, named[it]?.sha256]] }
        completeAtKill.any { it.startsWith('Packages/l/') }

        and: 'a large package is partly downloaded, in the staging directory only'
        !partialAtKill.isEmpty()
        partialAtKill.every { String location, Long length -> length >= PARTIAL_AT_LEAST && length < named[location].size }
        partialAtKill.keySet().intersect(completeAtKill).isEmpty()
    }

    def "run again, the sync succeeds and the tree is the source's"() {
        given:
        server.throttle = 0

        when:
        Cli.Result run = Cli.run([timeout: 120], 'sync', '--state', state.toString(), server.url('BaseOS'), target.toString())

        then:
        run.exitCode == 0
        TreeSnapshot.of(target) == TreeSnapshot.of(source)
        !Files.exists(staging)
    }

    def "no package complete at the kill is downloaded again"() {
        expect: 'each was requested once, before the kill'
        completeAtKill.collectEntries { [(it): server.requestsFor("BaseOS/$it").size()] } ==
                completeAtKill.collectEntries { [(it): 1] }
        resumedRequests()*.path.findAll { it.substring('/BaseOS/'.length()) in completeAtKill } == []
    }

    def "each partial download continues with a Range request from where it stopped, so about its size is served in all"() {
        expect: 'after the kill, one request for the rest of it'
        partialAtKill.collectEntries { String location, Long length ->
            [(location): resumedRequests().findAll { it.path == "/BaseOS/$location" }.collect { [it.rangeStart, it.bytesSent] }]
        } == partialAtKill.collectEntries { String location, Long length -> [(location): [[length, named[location].size - length]]] }

        and: 'in all, no more than its size and what was in flight at the kill'
        partialAtKill.keySet().findAll { String location ->
            server.bytesSent("BaseOS/$location") > named[location].size + IN_FLIGHT_AT_MOST
        } == [] as Set
    }

    List<RepoServer.Request> resumedRequests() {
        server.requests.subList(requestsAtKill, server.requests.size())
    }

    /** The packages under their final name: every {@code *.rpm} of the tree outside the staging directory. */
    Map<String, Path> finalRpms() {
        Map<String, Path> rpms = [:]
        if (Files.isDirectory(target)) {
            Files.walk(target).withCloseable { stream ->
                stream.filter { Path p -> !p.startsWith(staging) && p.fileName.toString().endsWith('.rpm') }
                        .forEach { Path p -> rpms[target.relativize(p).toString()] = p }
            }
        }
        rpms
    }

    /**
     * The partial downloads in the staging directory, by the location of the package each is the start of
     * (told by its bytes: every large package's payload is random), with their length.
     */
    Map<String, Long> partialDownloads() {
        Map<String, Long> partial = [:]
        partFiles().each { Path part ->
            byte[] head = Files.newInputStream(part).withCloseable { it.readNBytes(64 * 1024) }
            String location = LARGE.keySet().collect { "Packages/l/$it-1.0-1.el9.noarch.rpm".toString() }.find { String l ->
                byte[] start = Files.newInputStream(source.resolve(l)).withCloseable { it.readNBytes(head.length) }
                head.length > 0 && Arrays.equals(start, head)
            }
            if (location != null) {
                partial[location] = Files.size(part)
            }
        }
        partial
    }

    List<Path> partFiles() {
        if (!Files.isDirectory(staging)) {
            return []
        }
        Files.walk(staging).withCloseable { stream ->
            stream.filter { Path p -> Files.isRegularFile(p) && p.fileName.toString().endsWith('.part') }.toList()
        }
    }

    /** Waits (60 s at most) until a large package is under its final name and another has a partial download. */
    boolean awaitCompleteAndPartial(Process sync) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
        while (System.nanoTime() < deadline && sync.alive) {
            try {
                if (finalRpms().keySet().any { it.startsWith('Packages/l/') } &&
                        partFiles().any { Files.size(it) >= PARTIAL_AT_LEAST }) {
                    return true
                }
            } catch (IOException ignored) {
                // a file renamed or removed while it was looked at: look again
            }
            Thread.sleep(20)
        }
        false
    }
}
