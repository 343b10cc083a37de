package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Duration
import java.time.Instant
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A promote keeps the repodata files its new repomd.xml no longer names, so that a mirror holding the old
 * repomd.xml still finds every file it names; a later promote removes them once they and the repomd.xml that
 * replaced them are older than the grace period (24 hours, the default). Real createrepo_c, rsync and runs.
 */
class RepodataGraceSpec extends Specification {

    static final String MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy').toString()

    @TempDir
    Path root

    Path compose
    Path staging
    Path production

    def setup() {
        compose = root.resolve('compose/9/latest-Mini-9/compose')
        staging = root.resolve('staging/mirror/pub/rocky/9.1-RC1/BaseOS/x86_64/os/repodata')
        production = root.resolve('production/mirror/pub/rocky/9.1/BaseOS/x86_64/os/repodata')
        Files.createDirectories(compose.resolve('BaseOS/x86_64/os/Packages'))
        Files.writeString(compose.resolveSibling('STATUS'), 'FINISHED\n')
    }

    /** A publish run; staging's own delete-sync drops the replaced repodata, more than the 10 % of a tiny tree. */
    Cli.Result publish() {
        Cli.run([timeout: 300], 'run', MINI, '--only', 'publish', '--executor', 'local', '--root', root.toString(),
                '--confirm', '--allow-deletions', '100')
    }

    void createrepo(String checksum) {
        def made = Cli.exec(['createrepo_c', '--quiet', '--no-database', '--checksum', checksum,
                             compose.resolve('BaseOS/x86_64/os').toString()])
        assert made.exitCode == 0: made.stderr
    }

    static Set<String> names(Path dir) {
        Files.list(dir).withCloseable { it.collect { it.fileName.toString() } as Set<String> }
    }

    /** The files a repomd.xml names, and which of them are missing from the production repodata. */
    Map<String, List<String>> resolve(String repomd) {
        List<String> named = (repomd =~ /href="repodata\/([^"]+)"/).collect { it[1] as String }
        [named: named, missing: named.findAll { !Files.exists(production.resolve(it)) }]
    }

    def "old repodata outlives the promote that replaced it, and goes at a later promote once older than the grace"() {
        given: 'a compose whose repodata has sha256 names, published'
        createrepo('sha256')
        def first = publish()
        assert first.exitCode == 0: first.stdout + first.stderr
        String oldRepomd = Files.readString(production.resolve('repomd.xml'))
        Set<String> oldFiles = names(production)

        when: 'the compose gets new repodata (sha512: other file names) and is published again'
        createrepo('sha512')
        def second = publish()
        String newRepomd = Files.readString(production.resolve('repomd.xml'))

        then: 'production has the new repomd.xml, and the old one still resolves every file it names'
        second.exitCode == 0
        newRepomd != oldRepomd
        newRepomd == Files.readString(staging.resolve('repomd.xml'))
        resolve(oldRepomd).named.size() == 3
        resolve(oldRepomd).missing == []
        resolve(newRepomd).missing == []
        names(production) == oldFiles + names(staging)
        names(staging).intersect(oldFiles) == ['repomd.xml'] as Set

        when: 'a day passes for every repodata file but one old one, then the next promote'
        String young = (oldFiles - 'repomd.xml').sort().first()
        FileTime dayAgo = FileTime.from(Instant.now() - Duration.ofHours(25))
        names(production).findAll { it != young }.each { Files.setLastModifiedTime(production.resolve(it), dayAgo) }
        def third = publish()
        String log = Files.readString(root.resolve('compose/9/latest-Mini-9/work/logs/promote.log'))

        then: 'the old files older than the grace are gone, the younger one stays, the current ones are all there'
        third.exitCode == 0
        names(production) == names(staging) + young
        resolve(Files.readString(production.resolve('repomd.xml'))).missing == []
        log.contains('removed 2 old repodata files of ' + production.parent.parent.parent.parent + ' older than 24 hours; kept 1 younger ones')
    }

    def "old repodata stays while the repomd.xml that replaced it is younger than the grace, however old the files"() {
        given:
        createrepo('sha256')
        assert publish().exitCode == 0
        Set<String> oldFiles = names(production)
        createrepo('sha512')
        assert publish().exitCode == 0

        when: 'the old files are a month old, the new repomd.xml is new'
        FileTime monthAgo = FileTime.from(Instant.now() - Duration.ofDays(30))
        (oldFiles - 'repomd.xml').each { Files.setLastModifiedTime(production.resolve(it), monthAgo) }
        def again = publish()

        then:
        again.exitCode == 0
        names(production).containsAll(oldFiles)
    }
}
