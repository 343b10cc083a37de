package org.relengine.yum

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

class YumMirrorSpec extends Specification {

    @TempDir
    Path dir

    @AutoCleanup
    FakeRepo repo

    @AutoCleanup
    YumMirror mirror = new YumMirror(4)

    def setup() {
        repo = new FakeRepo(dir.resolve('source'))
    }

    Path tree() {
        dir.resolve('tree')
    }

    TreeResult sync(Map<String, Object> options = [:]) {
        mirror.sync(repo.url(), tree(), new SyncOptions(options.delete as boolean, dir.resolve('state'), [], null)) { }
    }

    List<String> files() {
        def found = []
        Files.walk(tree()).withCloseable { s -> s.filter { Files.isRegularFile(it) }.forEach { found << tree().relativize(it).toString() } }
        found.sort()
    }

    def "a tree is mirrored: packages at their hrefs with the server's time, metadata byte for byte, nothing else"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'b1'])

        when:
        def result = sync()

        then:
        result.outcome() == TreeResult.Outcome.SYNCED
        result.packages() == 2
        result.downloaded() == 2
        files().findAll { !it.startsWith('repodata/') } == ['Packages/a/a-1.rpm', 'Packages/b/b-1.rpm']
        files().count { it.startsWith('repodata/') } == 2
        Files.readAllBytes(tree().resolve('repodata/repomd.xml')) == Files.readAllBytes(repo.root.resolve('repodata/repomd.xml'))
        Files.getLastModifiedTime(tree().resolve('Packages/a/a-1.rpm')).toInstant() == Instant.parse('2025-11-11T15:42:33Z')
        !Files.exists(tree().resolve(TreeSync.STAGING))
    }

    def "with #connections connections it downloads #connections packages at once from a server, never more"() {
        given: 'a server that answers side by side, each package after 300 ms, and twice as many packages as connections'
        FakeRepo slow = new FakeRepo(dir.resolve('slow'), true)
        int packages = 2 * connections
        slow.publish((1..packages).collectEntries { ["Packages/p/p-${it}.rpm".toString(), "p${it}".toString()] })
        slow.delay = 300
        YumMirror engine = new YumMirror(connections)

        when:
        def result = engine.sync(slow.url(), tree(), new SyncOptions(false, dir.resolve('state'), [], null)) { }

        then:
        result.outcome() == TreeResult.Outcome.SYNCED
        result.downloaded() == packages
        slow.mostAtOnce.get() == connections

        cleanup:
        engine?.close()
        slow?.close()

        where:
        connections << [1, 4, YumMirror.CONNECTIONS]
    }

    def "a re-sync with the same repomd.xml is skipped without a request for a package"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'b1'])
        sync()
        repo.requests.clear()

        when:
        def again = sync()

        then:
        again.outcome() == TreeResult.Outcome.UNCHANGED
        repo.requests == ['repodata/repomd.xml']
    }

    def "a sync killed after it recorded the tree leaves no work directory behind once it syncs again"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1'])
        sync()
        Files.createDirectories(tree().resolve(TreeSync.STAGING).resolve('parts'))

        when:
        def again = sync()

        then:
        again.outcome() == TreeResult.Outcome.UNCHANGED
        !Files.exists(tree().resolve(TreeSync.STAGING))
    }

    def "a package deleted from the tree is fetched again although repomd.xml did not change"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'b1'])
        sync()
        Files.delete(tree().resolve('Packages/b/b-1.rpm'))
        repo.requests.clear()

        when:
        def again = sync()

        then:
        again.outcome() == TreeResult.Outcome.SYNCED
        again.downloaded() == 1
        repo.packageRequests() == ['Packages/b/b-1.rpm']
    }

    def "a package already there in a directory that is a link to another is not downloaded again"() {
        given: 'the tree made by hand, its Packages/a a link to a directory holding the package'
        repo.publish(['Packages/a/a-1.rpm': 'a1'])
        Path store = Files.createDirectories(dir.resolve('store/a'))
        Files.writeString(store.resolve('a-1.rpm'), 'a1')
        Files.createDirectories(tree().resolve('Packages'))
        Files.createSymbolicLink(tree().resolve('Packages/a'), store)

        when:
        def result = sync()

        then:
        result.outcome() == TreeResult.Outcome.SYNCED
        result.downloaded() == 0
        repo.packageRequests() == []
    }

    def "a package already there with its size and checksum is not downloaded; a changed one is"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'b1'])
        sync()
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'B1', 'Packages/c/c-1.rpm': 'c1'])
        repo.requests.clear()

        when:
        def again = sync()

        then:
        again.downloaded() == 2
        repo.packageRequests().sort() == ['Packages/b/b-1.rpm', 'Packages/c/c-1.rpm']
        Files.readString(tree().resolve('Packages/b/b-1.rpm')) == 'B1'
    }

    def "packages the metadata no longer names are deleted with delete, and kept without"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'b1'])
        sync()
        Files.delete(repo.root.resolve('Packages/b/b-1.rpm'))
        repo.publish(['Packages/a/a-1.rpm': 'a1'])

        when:
        def again = sync(delete: delete)

        then:
        again.deleted() == (delete ? 1 : 0)
        Files.exists(tree().resolve('Packages/b/b-1.rpm')) == !delete

        where:
        delete << [true, false]
    }

    def "a package that cannot be had fails its tree, named, after every other package is in place; the old metadata stays"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1'])
        sync()
        byte[] oldRepomd = Files.readAllBytes(tree().resolve('repodata/repomd.xml'))
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'b1', 'Packages/c/c-1.rpm': 'c1',
                      'Packages/d/d-1.rpm': 'd1'])
        repo.missing << 'Packages/b/b-1.rpm'
        repo.corrupt << 'Packages/c/c-1.rpm'

        when:
        def result = sync()

        then:
        result.outcome() == TreeResult.Outcome.FAILED
        result.failures().size() == 2
        result.failures()[0] ==~ /Packages\/b\/b-1\.rpm: GET .* answered 404/
        result.failures()[1] == 'Packages/c/c-1.rpm: its checksum (sha256) does not match what the metadata says, downloaded twice'
        Files.readString(tree().resolve('Packages/d/d-1.rpm')) == 'd1'
        !Files.exists(tree().resolve('Packages/b/b-1.rpm'))
        !Files.exists(tree().resolve('Packages/c/c-1.rpm'))
        Files.readAllBytes(tree().resolve('repodata/repomd.xml')) == oldRepomd
        !Files.exists(tree().resolve(TreeSync.STAGING))
        result.summary() == 'failed: 2 of 4 packages could not be had; the tree keeps its old metadata'
    }

    def "metadata under the same names as the old (simple names) replaces the old directory whole"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1'], [simpleNames: true])
        sync()
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'b1'], [simpleNames: true])

        when:
        def result = sync()

        then:
        result.outcome() == TreeResult.Outcome.SYNCED
        files() == ['Packages/a/a-1.rpm', 'Packages/b/b-1.rpm', 'repodata/primary.xml.gz', 'repodata/repomd.xml']
        Files.readAllBytes(tree().resolve('repodata/primary.xml.gz')) == Files.readAllBytes(repo.root.resolve('repodata/primary.xml.gz'))
    }

    def "old metadata files the new repomd.xml does not name leave the tree"() {
        given:
        repo.publish(['Packages/a/a-1.rpm': 'a1'])
        sync()
        String oldPrimary = files().find { it.endsWith('-primary.xml.gz') }
        Files.delete(repo.root.resolve(oldPrimary))
        repo.publish(['Packages/a/a-1.rpm': 'a1', 'Packages/b/b-1.rpm': 'b1'])

        when:
        sync()

        then:
        !files().contains(oldPrimary)
        files().count { it.endsWith('-primary.xml.gz') } == 1
    }

    def "a package whose href leaves the tree fails the tree and nothing is written outside it"() {
        given:
        repo.publish(['../evil.rpm': 'x', 'Packages/a/a-1.rpm': 'a1'])

        when:
        def result = sync()

        then:
        result.failed()
        result.failures() == ['../evil.rpm: names a path outside the tree']
        !Files.exists(dir.resolve('evil.rpm'))
    }

    def "while a tree syncs, it says about once a second how many packages and bytes of how many are done"() {
        given:
        repo.publish((1..6).collectEntries { ["Packages/p/p-${it}.rpm".toString(), 'x' * 1024] })
        repo.delay = 400
        List<String> told = []
        def sequential = new YumMirror(1)

        when:
        def result = sequential.sync(repo.url(), tree(), new SyncOptions(false, null, [], null)) { told << it }

        then:
        result.outcome() == TreeResult.Outcome.SYNCED
        told.size() >= 1
        told.every { it ==~ /[0-6] of 6 packages, \d+(\.\d)? (B|KiB) of 6\.0 KiB/ }

        cleanup:
        sequential?.close()
    }

    def "a repository that does not answer fails its tree with the URL named"() {
        when:
        def result = sync()

        then:
        result.failed()
        result.failures()[0] ==~ /GET http:\/\/127\.0\.0\.1:\d+\/repodata\/repomd\.xml answered 404/
    }
}
