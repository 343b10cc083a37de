package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * A mirror as quick-fedora-mirror keeps one: after a full first copy it transfers only the files whose time in
 * {@code fullfiletimelist-rocky} is newer than its last sync ({@code rsync --files-from}). Two demos publish the same
 * packages; the second's errata change each errata tree's repomd.xml without changing its size. The mirror picks up
 * every changed repomd.xml and what it names, and transfers none of the packages again: they keep their times
 * through sync, staging and promotion.
 */
class MirrorClientSpec extends Specification {

    static final Path MINI9 = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')

    @Shared Path dir = Files.createTempDirectory('relengine-mirror-client')
    @Shared Path published
    @Shared Path mirror
    @Shared Map<String, List> first
    @Shared Map<String, List> second
    @Shared Map<String, String> repomdBefore
    @Shared Map<String, String> sumsBefore
    @Shared List<String> transferred

    def setupSpec() {
        // mini9, with errata from the demo's errata service: they rewrite repomd.xml on every publish
        Path recipe = Cli.writeRecipe(dir, 'mini9-errata.groovy', """include '$MINI9'
publish {
    updateinfo url: 'https://apollo.example.org/api/v3/updateinfo', repos: ['BaseOS', 'AppStream']
}
""")
        published = dir.resolve('out/production/mirror/pub/rocky')
        mirror = dir.resolve('mirror')
        def one = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--recipe', recipe.toString(), '--out',
                dir.resolve('out').toString(), '--date-stamp', '20251205.120000')
        assert one.exitCode == 0: one.stdout + one.stderr
        assert Cli.exec(['rsync', '-a', "$published/".toString(), "$mirror/".toString()]).exitCode == 0
        first = list(published)
        sumsBefore = checksums(published)
        repomdBefore = first.keySet().findAll { it.endsWith('/repodata/repomd.xml') }
                .collectEntries { [(it): Files.readString(published.resolve(it))] }
        Thread.sleep(1100)   // the list's times are whole seconds

        def two = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--recipe', recipe.toString(), '--out',
                dir.resolve('out').toString(), '--date-stamp', '20251205.130000')
        assert two.exitCode == 0: two.stdout + two.stderr
        second = list(published)

        // the client: what is newer than its last sync, by the list; then rsync only that
        long lastSync = first.values().collect { it[0] as long }.max()
        List<String> newer = second.findAll { path, entry -> entry[0] > lastSync && entry[1] != 'd' }.keySet() as List
        Path filesFrom = dir.resolve('files-from')
        Files.write(filesFrom, newer + ['fullfiletimelist-rocky', 'fullfilelist'])
        def sync = Cli.exec(['rsync', '-a', '--files-from=' + filesFrom, '--out-format=%n', "$published/".toString(),
                             "$mirror/".toString()])
        assert sync.exitCode == 0: sync.stderr
        transferred = sync.stdout.readLines().findAll { !it.endsWith('/') }
    }

    /** The [Files] section of a tree's fullfiletimelist-rocky: path to [time, type, size]. */
    static Map<String, List> list(Path tree) {
        Map<String, List> entries = [:]
        boolean files = false
        Files.readAllLines(tree.resolve('fullfiletimelist-rocky')).each { String line ->
            if (line.startsWith('[')) {
                files = line == '[Files]'
            } else if (files && line) {
                def (time, type, size, path) = line.split('\t', 4) as List<String>
                entries[path] = [time as long, type, size as long]
            }
        }
        entries
    }

    /** The [Checksums SHA1] section of a tree's fullfiletimelist-rocky: path to SHA-1. */
    static Map<String, String> checksums(Path tree) {
        Map<String, String> sums = [:]
        String section = null
        Files.readAllLines(tree.resolve('fullfiletimelist-rocky')).each { String line ->
            if (line.startsWith('[')) {
                section = line
            } else if (section == '[Checksums SHA1]' && line) {
                def (sum, path) = line.split('\t', 2) as List<String>
                sums[path] = sum
            }
        }
        sums
    }

    def "every package keeps its time in the list through a second demo"() {
        when:
        def rpms = second.keySet().findAll { it.endsWith('.rpm') }

        then:
        rpms.size() > 10
        rpms.findAll { first[it] != second[it] } as List == []
    }

    def "the mirror transfers none of the packages again"() {
        expect:
        transferred.size() > 0
        transferred.findAll { it.endsWith('.rpm') } == []
    }

    def "an errata tree's repomd.xml, changed at the same size, is transferred, with what it names"() {
        when:
        def sameSizeChanged = repomdBefore.findAll { path, text ->
            first[path][2] == second[path][2] && Files.readString(published.resolve(path)) != text }.keySet()

        then:
        sameSizeChanged.size() > 0
        sameSizeChanged.every { it in transferred }
        sameSizeChanged.every { Files.readString(mirror.resolve(it)) == Files.readString(published.resolve(it)) }
        transferred.any { it.endsWith('-updateinfo.xml.gz') }

        and: 'the list carries its new SHA-1, as create-filelist -c writes it, for clients that compare checksums'
        def sums = checksums(published)
        sums.keySet() == second.keySet().findAll { it.endsWith('/repodata/repomd.xml') }
        sameSizeChanged.every { sums[it] == Cli.exec(['sha1sum', published.resolve(it).toString()]).stdout.split(' ')[0] && sums[it] != sumsBefore[it] }
    }

    def "after the client's sync every repomd.xml of the mirror is production's, and every file it names is there"() {
        when:
        def repomds = second.keySet().findAll { it.endsWith('/repodata/repomd.xml') }
        def named = repomds.collectMany { String repomd ->
            (Files.readString(published.resolve(repomd)) =~ /<location href="([^"]+)"/).collect { m ->
                repomd.replaceFirst(/repodata\/repomd\.xml$/, '') + m[1] }
        }

        then:
        repomds.size() > 10
        repomds.every { Files.readString(mirror.resolve(it)) == Files.readString(published.resolve(it)) }
        named.findAll { !Files.exists(mirror.resolve(it)) } == []
    }
}
