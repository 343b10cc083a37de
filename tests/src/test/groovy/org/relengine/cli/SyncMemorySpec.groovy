package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * A repository whose primary metadata names 30,000 packages ({@link FakeRepository}: files of a few bytes, with
 * metadata written to match), synced by {@code relengine sync} in a JVM of 256 MiB of heap: a sync must not hold
 * the whole of a large repository's metadata in memory at once, nor an object per package more than it needs.
 * A real BaseOS or AppStream names some 2,000 to 10,000 packages; EPEL, over 20,000.
 */
class SyncMemorySpec extends Specification {

    static final int PACKAGES = 30_000

    @Shared Path work = Files.createTempDirectory('relengine-sync-memory')
    @Shared Path source = work.resolve('source/big')
    @Shared Path target = work.resolve('mirror/big')
    @Shared RepoServer server

    def setupSpec() {
        FakeRepository.write(source, PACKAGES)
        server = RepoServer.start(work.resolve('source'))
    }

    def cleanupSpec() {
        server?.close()
    }

    def "the generated metadata names every package file with its size and sha256"() {
        when:
        List<RepoMetadata.Package> named = RepoMetadata.packages(source)

        then:
        named.size() == PACKAGES
        named*.location.toSet().size() == PACKAGES
        [0, 1, 25, 26, PACKAGES - 1].every { int i ->
            RepoMetadata.Package p = named[i]
            p.location == FakeRepository.location(i) && Files.size(source.resolve(p.location)) == p.size &&
                    TreeSnapshot.sha256(source.resolve(p.location)) == p.sha256
        }
    }

    def "a repository of 30,000 packages is synced in a JVM of 256 MiB of heap, every package in place"() {
        when:
        Cli.Result run = Cli.run([timeout: 110, main: ['-Xmx256m', 'org.relengine.cli.Main']],
                'sync', '--state', work.resolve('state').toString(), server.url('big'), target.toString())

        then:
        run.exitCode == 0

        when: 'the trees are compared (the first ten differences shown, each way)'
        Map<String, String> mirrored = TreeSnapshot.of(target)
        Map<String, String> expected = TreeSnapshot.of(source)

        then:
        mirrored.size() == expected.size()
        expected.findAll { String path, String entry -> mirrored[path] != entry }.take(10) == [:]
        mirrored.findAll { String path, String entry -> expected[path] != entry }.take(10) == [:]
        server.requests.count { it.path.endsWith('.rpm') } == PACKAGES
    }
}
