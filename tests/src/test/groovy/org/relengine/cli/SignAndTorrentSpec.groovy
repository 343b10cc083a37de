package org.relengine.cli

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * Signing and torrents, with a throwaway GPG key: every repomd.xml and CHECKSUM of staging gets a detached,
 * armored signature that gpg verifies, and each DVD a torrent that names it.
 */
class SignAndTorrentSpec extends Specification {

    static final Path RECIPE = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini8-signed.groovy')

    @Shared Path root = Files.createTempDirectory('relengine-signed')
    @Shared Path gnupg = ThrowawayKey.home('relengine-gnupg')
    @Shared Cli.Result demo

    def setupSpec() {
        // the torrents handed to rtorrent as gen-torrents.sh hands them: directories where it seeds from, the
        // torrents into its watch directory; the release notes of the recipe's own version
        Path recipe = Files.createTempDirectory('relengine-signed-recipe').resolve('signed.groovy')
        Files.writeString(recipe, """include '$RECIPE'
publish {
    torrents comment: 'https://example.org/release_notes/{major}_{minor}/', dir: '${root.resolve('rtorrent/download')}',
             watch: '${root.resolve('rtorrent/watch/start')}'
}
""")
        demo = Cli.run([env: DemoSpec.ENV + [GNUPGHOME: gnupg.toString()], timeout: 600], 'demo', '--executor', 'local', '--out',
                root.toString(), '--recipe', recipe.toString())
    }

    def "the compose is signed and published"() {
        expect:
        demo.exitCode == 0
        demo.stackTraceMarkers == []
    }

    def "every repomd.xml and CHECKSUM in staging has a detached signature that gpg verifies"() {
        when:
        Path staging = root.resolve('staging/mirror/pub/rocky/8.1-RC1')
        List<Path> signed = ['BaseOS', 'AppStream'].collectMany { repo ->
            ['x86_64', 'aarch64'].collect { staging.resolve("$repo/$it/os/repodata/repomd.xml") }
        } + ['x86_64', 'aarch64'].collect { staging.resolve("isos/$it/CHECKSUM") }
        def verified = signed.collect { file ->
            Cli.exec(['gpg', '--verify', file.toString() + '.asc', file.toString()], Cli.ROOT, [GNUPGHOME: gnupg.toString()])
        }

        then:
        signed.every { Files.readString(Path.of(it.toString() + '.asc')).startsWith('-----BEGIN PGP SIGNATURE-----') }
        verified*.exitCode == [0] * signed.size()
        verified.every { it.stderr.contains('Good signature from "relengine test <relengine-test@example.org>"') }
    }

    def "a changed repomd.xml no longer verifies"() {
        given:
        Path repomd = root.resolve('staging/mirror/pub/rocky/8.1-RC1/BaseOS/x86_64/os/repodata/repomd.xml')
        Path copy = Files.createTempFile('repomd', '.xml')
        Files.writeString(copy, Files.readString(repomd) + '<!-- changed -->\n')

        expect:
        Cli.exec(['gpg', '--verify', repomd.toString() + '.asc', copy.toString()], Cli.ROOT,
                [GNUPGHOME: gnupg.toString()]).exitCode == 1
    }

    def "each DVD and boot ISO has a torrent as gen-torrents.sh makes them: the ISO's directory with its CHECKSUM files and manifest in rtorrent's download directory, the torrent in its watch directory, the recipe's tracker and comment"() {
        when:
        Path torrents = root.resolve('rtorrent/download')
        Path watch = root.resolve('rtorrent/watch/start')
        Path isos = root.resolve('compose/8/latest-Mini-8/compose/isos/x86_64')
        Map meta = Bencode.decode(Files.readAllBytes(watch.resolve('Mini-8.1-x86_64-dvd.torrent'))) as Map
        Map info = meta.info as Map
        Map<String, Long> files = (info.files as List<Map>).collectEntries { Map f ->
            [((f.path as List).collect { new String(it as byte[], StandardCharsets.UTF_8) }.join('/')): f.length as long] }

        then:
        new String(meta.announce as byte[], StandardCharsets.UTF_8) == 'udp://tracker.example.org:1337/announce'
        new String(meta.comment as byte[], StandardCharsets.UTF_8) == 'https://example.org/release_notes/8_1/'
        new String(info.name as byte[], StandardCharsets.UTF_8) == 'Mini-8.1-x86_64-dvd'
        files.keySet().sort() == ['CHECKSUM', 'Mini-8.1-x86_64-dvd.iso', 'Mini-8.1-x86_64-dvd.iso.CHECKSUM',
                                  'Mini-8.1-x86_64-dvd.iso.manifest']
        files.every { name, length -> length == Files.size(isos.resolve(name)) }
        ((info.pieces as byte[]).length % 20) == 0
        torrents.resolve('Mini-8.1-x86_64-dvd/Mini-8.1-x86_64-dvd.iso').toRealPath() == isos.resolve('Mini-8.1-x86_64-dvd.iso').toRealPath()

        and: 'every torrent in the watch directory, whole: no partial one, nothing left in the compose'
        Files.list(watch).withCloseable { it.collect { it.fileName.toString() }.sort() } ==
                ['Mini-8.1-aarch64-boot.torrent', 'Mini-8.1-aarch64-dvd.torrent', 'Mini-8.1-x86_64-boot.torrent',
                 'Mini-8.1-x86_64-dvd.torrent']
        !Files.exists(root.resolve('compose/8/latest-Mini-8/work/torrents'))
    }

    /** A minimal bencode reader: integers, byte strings, lists and dictionaries. */
    static final class Bencode {
        byte[] data
        int at

        static Object decode(byte[] bytes) {
            new Bencode(data: bytes).next()
        }

        Object next() {
            char c = (char) data[at]
            if (c == ('i' as char)) {
                int end = indexOf('e' as char, at)
                long value = new String(data, at + 1, end - at - 1, StandardCharsets.US_ASCII) as long
                at = end + 1
                return value
            }
            if (c == ('l' as char)) {
                at++
                List list = []
                while ((char) data[at] != ('e' as char)) {
                    list << next()
                }
                at++
                return list
            }
            if (c == ('d' as char)) {
                at++
                Map map = [:]
                while ((char) data[at] != ('e' as char)) {
                    String key = new String(next() as byte[], StandardCharsets.UTF_8)
                    map[key] = next()
                }
                at++
                return map
            }
            int colon = indexOf(':' as char, at)
            int length = new String(data, at, colon - at, StandardCharsets.US_ASCII) as int
            byte[] value = Arrays.copyOfRange(data, colon + 1, colon + 1 + length)
            at = colon + 1 + length
            value
        }

        int indexOf(char c, int from) {
            int i = from
            while ((char) data[i] != c) {
                i++
            }
            i
        }
    }
}
