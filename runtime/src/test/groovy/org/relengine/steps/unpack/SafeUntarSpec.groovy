package org.relengine.steps.unpack

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import org.apache.commons.compress.archivers.tar.TarArchiveEntry
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream
import org.apache.commons.compress.archivers.tar.TarConstants
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream
import org.relengine.plan.spi.TaskFailure
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The unpacker of lorax results: real tar.gz archives, built here entry by entry, unpacked into a directory
 * beside a marker file that no archive may reach.
 */
class SafeUntarSpec extends Specification {

    @TempDir
    Path dir

    Path root
    Path marker

    def setup() {
        root = dir.resolve('unpacked')
        marker = dir.resolve('marker.txt')
        Files.writeString(marker, 'host')
    }

    def "a boot tree of directories, files and links inside it unpacks with its content and permission bits"() {
        given:
        def archive = tarball { tar ->
            directory(tar, 'lorax/')
            file(tar, 'lorax/images/boot.iso', 'iso')
            file(tar, 'lorax/isolinux/isolinux.bin', 'bin', 0700)
            file(tar, 'lorax/isolinux/mkefiboot', 'script', 0755)
            symlink(tar, 'lorax/images/efiboot.img', '../isolinux/isolinux.bin')
        }

        when:
        int entries = SafeUntar.unpack(archive, root)

        then:
        entries == 5
        Files.readString(root.resolve('lorax/images/boot.iso')) == 'iso'
        // lorax leaves files with mode 700; installers read them as anyone
        mode(root.resolve('lorax/isolinux/isolinux.bin')) == 0744
        mode(root.resolve('lorax/isolinux/mkefiboot')) == 0755
        Files.readSymbolicLink(root.resolve('lorax/images/efiboot.img')) == Path.of('../isolinux/isolinux.bin')
        Files.readString(root.resolve('lorax/images/efiboot.img')) == 'bin'
        Files.list(root).withCloseable { it.toList() } == [root.resolve('lorax')]
    }

    def "a file keeps the time its tar entry gives it, so that the same build unpacked again is published unchanged"() {
        given:
        def archive = tarball { tar ->
            def entry = new TarArchiveEntry('lorax/images/install.img')
            entry.size = 3
            entry.modTime = new Date(1_762_819_200_000L)
            tar.putArchiveEntry(entry)
            tar.write('img'.bytes)
            tar.closeArchiveEntry()
        }

        when:
        SafeUntar.unpack(archive, root)

        then:
        Files.getLastModifiedTime(root.resolve('lorax/images/install.img')).toMillis() == 1_762_819_200_000L
    }

    def "an entry that would be written outside the tree, or through a link, is refused: #why"() {
        given:
        def archive = tarball { tar ->
            file(tar, 'lorax/images/boot.iso', 'iso')
            build.maximumNumberOfParameters == 2 ? build(tar, dir) : build(tar)
        }

        when:
        SafeUntar.unpack(archive, root)

        then:
        TaskFailure failure = thrown()
        failure.message == 'lorax.tar.gz: entry `' + entry.replace('DIR', dir.toString()) + '` ' +
                message.replace('ROOT', root.toString()) + '; refusing the archive'
        Files.readString(marker) == 'host'
        !Files.exists(dir.resolve('escaped'), LinkOption.NOFOLLOW_LINKS)
        Files.list(root).withCloseable { it.toList() } == []

        where:
        why                                          | entry             | message                                                 | build
        'an absolute name'                           | 'DIR/escaped'     | 'would be written outside ROOT'                          | { t, d -> file(t, d.resolve('escaped').toString(), 'x', 0644, true) }
        'a name with ..'                             | '../escaped'      | 'would be written outside ROOT'                          | { file(it, '../escaped', 'x') }
        'a link to an absolute path'                 | 'lorax/etc'       | 'is a link to `/etc`, an absolute path, which leaves ROOT' | { symlink(it, 'lorax/etc', '/etc') }
        'a link with .. out of the tree'             | 'lorax/up'        | 'is a link to `../..`, which resolves outside ROOT'     | { symlink(it, 'lorax/up', '../..') }
        'a chain of links each of which looks inside' | 't'              | 'is a link to `s2/..`, which resolves outside ROOT'     | { chain(it, true) }
        'a chain completed after its first link'     | 't'               | 'is a link that resolves outside ROOT through links the archive holds' | { chain(it, false) }
        'a file beneath a link the archive planted'  | 'lorax/a/escaped' | 'would be written through the link `lorax/a`'          | { directory(it, 'lorax/sub/'); symlink(it, 'lorax/a', 'sub'); file(it, 'lorax/a/escaped', 'x') }
        'a directory beneath a link the archive planted' | 'lorax/a/d/'  | 'would be written through the link `lorax/a`'          | { directory(it, 'lorax/sub/'); symlink(it, 'lorax/a', 'sub'); directory(it, 'lorax/a/d/') }
        'a file at the name of a link'               | 'lorax/a'         | 'would replace `lorax/a`, which an earlier entry wrote' | { file(it, 'lorax/b', 'b'); symlink(it, 'lorax/a', 'b'); file(it, 'lorax/a', 'x') }
        'a file written twice'                       | 'lorax/b'         | 'would replace `lorax/b`, which an earlier entry wrote' | { file(it, 'lorax/b', 'b'); file(it, 'lorax/b', 'x') }
        'a loop of links'                            | 'lorax/a'         | 'is a link that loops through other links'               | { symlink(it, 'lorax/a', 'b'); symlink(it, 'lorax/b', 'a') }
    }

    def "a file entry beneath a chain of links that leaves the tree is refused, and nothing is written outside"() {
        given: 'links each of which, read as text, stays inside; `t` in fact leads to the directory above the tree'
        def archive = tarball { tar ->
            chain(tar, true)
            file(tar, 't/escaped', 'x')
        }

        when:
        SafeUntar.unpack(archive, root)

        then:
        TaskFailure failure = thrown()
        failure.message.startsWith('lorax.tar.gz: entry `t` ')
        !Files.exists(dir.resolve('escaped'), LinkOption.NOFOLLOW_LINKS)
        Files.readString(marker) == 'host'
    }

    def "hard links inside the tree are restored as hard links, with their content"() {
        given: 'lorax hard-links the kernel and the initrd of isolinux and pxeboot'
        def archive = tarball { tar ->
            file(tar, 'lorax/isolinux/vmlinuz', 'kernel', 0755)
            file(tar, 'lorax/isolinux/initrd.img', 'initrd')
            hardLink(tar, 'lorax/images/pxeboot/vmlinuz', 'lorax/isolinux/vmlinuz')
            hardLink(tar, 'lorax/images/pxeboot/initrd.img', './lorax/isolinux/initrd.img')
        }

        when:
        SafeUntar.unpack(archive, root)

        then:
        for (name in ['vmlinuz', 'initrd.img']) {
            Path linked = root.resolve("lorax/images/pxeboot/$name")
            Path original = root.resolve("lorax/isolinux/$name")
            assert Files.readString(linked) == (name == 'vmlinuz' ? 'kernel' : 'initrd')
            assert Files.isSameFile(linked, original)
            assert Files.getAttribute(linked, 'unix:nlink') == 2
            assert Files.getAttribute(original, 'unix:nlink') == 2
        }
    }

    def "a hard link to anything but a file an earlier entry unpacked is refused: #why"() {
        given:
        def archive = tarball { tar ->
            file(tar, 'lorax/images/boot.iso', 'iso')
            build(tar)
        }

        when:
        SafeUntar.unpack(archive, root)

        then:
        TaskFailure failure = thrown()
        failure.message == 'lorax.tar.gz: entry `lorax/kernel` ' + message.replace('ROOT', root.toString()) +
                '; refusing the archive'
        Files.readString(marker) == 'host'
        Files.getAttribute(marker, 'unix:nlink') == 1
        Files.list(root).withCloseable { it.toList() } == []

        where:
        why                          | message                                                                                  | build
        'a file outside the tree'    | 'is a hard link to `../marker.txt`, outside ROOT'                                         | { hardLink(it, 'lorax/kernel', '../marker.txt') }
        'an absolute path'           | 'is a hard link to `/etc/passwd`, outside ROOT'                                           | { hardLink(it, 'lorax/kernel', '/etc/passwd') }
        'a file not yet unpacked'    | 'is a hard link to `lorax/later`, which is not a file an earlier entry unpacked'          | { hardLink(it, 'lorax/kernel', 'lorax/later'); file(it, 'lorax/later', 'x') }
        'a directory'                | 'is a hard link to `lorax/images`, which is not a file an earlier entry unpacked'         | { hardLink(it, 'lorax/kernel', 'lorax/images') }
        'a symbolic link'            | 'is a hard link to `lorax/iso`, which is not a file an earlier entry unpacked'            | { symlink(it, 'lorax/iso', 'images/boot.iso'); hardLink(it, 'lorax/kernel', 'lorax/iso') }
        'a file reached through a link' | 'is a hard link to `lorax/l/boot.iso`, which is not a file an earlier entry unpacked' | { symlink(it, 'lorax/l', 'images'); hardLink(it, 'lorax/kernel', 'lorax/l/boot.iso') }
    }

    def "device files and FIFOs are refused: #kind"() {
        given:
        def archive = tarball { tar ->
            file(tar, 'lorax/images/boot.iso', 'iso')
            def entry = new TarArchiveEntry('lorax/kernel', flag)
            entry.devMajor = 1
            entry.devMinor = 3
            tar.putArchiveEntry(entry)
            tar.closeArchiveEntry()
        }

        when:
        SafeUntar.unpack(archive, root)

        then:
        TaskFailure failure = thrown()
        failure.message == 'lorax.tar.gz: entry `lorax/kernel` is ' + kind +
                ' (an archive of a boot tree holds no devices); refusing the archive'
        Files.list(root).withCloseable { it.toList() } == []

        where:
        kind                  | flag
        'a character device'  | TarConstants.LF_CHR
        'a block device'      | TarConstants.LF_BLK
        'a FIFO'              | TarConstants.LF_FIFO
    }

    def "set-uid, set-gid and sticky bits are dropped and the permission bits kept: #octal"() {
        given:
        def archive = tarball { tar -> file(tar, 'lorax/tool', 'x', tarMode) }

        when:
        SafeUntar.unpack(archive, root)

        then:
        mode(root.resolve('lorax/tool')) == unpacked

        where:
        tarMode | unpacked
        04755   | 0755
        02750   | 0754
        01700   | 0744
        06777   | 0777
        octal = Integer.toOctalString(tarMode)
    }

    def "an archive past the limit of entries is refused before the entry past it is written"() {
        given:
        def archive = tarball { tar -> (1..4).each { file(tar, "lorax/$it", "$it") } }

        when:
        SafeUntar.unpack(archive, root, 3, 1 << 20)

        then:
        TaskFailure failure = thrown()
        failure.message == 'lorax.tar.gz: entry `lorax/4` is past the limit of 3 entries; refusing the archive'
        Files.list(root).withCloseable { it.toList() } == []

        when: 'at the limit, it unpacks'
        int entries = SafeUntar.unpack(archive, dir.resolve('other'), 4, 1 << 20)

        then:
        entries == 4
    }

    def "an archive past the limit of bytes is refused, the bytes counted as they stream: #why"() {
        given:
        def archive = tarball { tar -> sizes.eachWithIndex { size, i -> zeros(tar, "lorax/$i", size) } }

        when:
        SafeUntar.unpack(archive, root, 100, limit)

        then:
        TaskFailure failure = thrown()
        failure.message == 'lorax.tar.gz: entry `lorax/' + (sizes.size() - 1) + '` is past the limit of ' + limit +
                ' bytes unpacked; refusing the archive'
        Files.list(root).withCloseable { it.toList() } == []

        where:
        why                             | sizes                  | limit
        'files that together pass it'   | [600, 600]             | 1000
        'one file of 8 MiB past 1 MiB'  | [8 << 20]              | 1 << 20
        'a file one byte past it'       | [100, 1000, 1]         | 1100
    }

    def "the default limits are 200,000 entries and 16 GiB"() {
        expect:
        SafeUntar.MAX_ENTRIES == 200_000
        SafeUntar.MAX_BYTES == 16L * 1024 * 1024 * 1024
    }

    def "a refused archive leaves the tree an earlier unpack made; an accepted one replaces it"() {
        given:
        Files.createDirectories(root.resolve('lorax/images'))
        Files.writeString(root.resolve('lorax/images/boot.iso'), 'old')
        def bad = tarball('bad.tar.gz') { tar ->
            file(tar, 'lorax/images/boot.iso', 'new')
            hardLink(tar, 'lorax/kernel', '../marker.txt')
        }
        def good = tarball('good.tar.gz') { tar -> file(tar, 'lorax/images/boot.iso', 'new') }

        when:
        SafeUntar.unpack(bad, root)

        then:
        thrown(TaskFailure)
        Files.readString(root.resolve('lorax/images/boot.iso')) == 'old'
        Files.list(root).withCloseable { it.toList() } == [root.resolve('lorax')]

        when:
        SafeUntar.unpack(good, root)

        then:
        Files.readString(root.resolve('lorax/images/boot.iso')) == 'new'
        Files.list(root).withCloseable { it.toList() } == [root.resolve('lorax')]
    }

    // links `d1/d2/s` -> `../..` (the tree's top), `s2` -> `d1/d2/s`, and `t` -> `s2/..`: read as text each stays
    // inside, but `t` is the directory above the tree; `early` makes `t` first, before the links it goes through
    private static void chain(TarArchiveOutputStream tar, boolean early) {
        if (!early) {
            symlink(tar, 't', 's2/..')
        }
        directory(tar, 'd1/d2/')
        symlink(tar, 'd1/d2/s', '../..')
        symlink(tar, 's2', 'd1/d2/s')
        if (early) {
            symlink(tar, 't', 's2/..')
        }
    }

    private Path tarball(String name = 'lorax.tar.gz', Closure entries) {
        Path path = dir.resolve(name)
        new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(path))).withCloseable { tar ->
            tar.longFileMode = TarArchiveOutputStream.LONGFILE_POSIX
            entries(tar)
        }
        path
    }

    private static void file(TarArchiveOutputStream tar, String name, String content, int mode = 0644,
                             boolean absolute = false) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8)
        def entry = new TarArchiveEntry(name, absolute)
        entry.size = bytes.length
        entry.mode = mode
        tar.putArchiveEntry(entry)
        tar.write(bytes)
        tar.closeArchiveEntry()
    }

    private static void zeros(TarArchiveOutputStream tar, String name, long size) {
        def entry = new TarArchiveEntry(name)
        entry.size = size
        tar.putArchiveEntry(entry)
        byte[] block = new byte[64 * 1024]
        for (long left = size; left > 0; left -= block.length) {
            tar.write(block, 0, (int) Math.min(left, block.length))
        }
        tar.closeArchiveEntry()
    }

    private static void directory(TarArchiveOutputStream tar, String name) {
        tar.putArchiveEntry(new TarArchiveEntry(name))
        tar.closeArchiveEntry()
    }

    private static void symlink(TarArchiveOutputStream tar, String name, String target) {
        def entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK)
        entry.linkName = target
        tar.putArchiveEntry(entry)
        tar.closeArchiveEntry()
    }

    private static void hardLink(TarArchiveOutputStream tar, String name, String target) {
        def entry = new TarArchiveEntry(name, TarConstants.LF_LINK)
        entry.linkName = target
        tar.putArchiveEntry(entry)
        tar.closeArchiveEntry()
    }

    private static int mode(Path path) {
        (Files.getAttribute(path, 'unix:mode', LinkOption.NOFOLLOW_LINKS) as int) & 07777
    }
}
