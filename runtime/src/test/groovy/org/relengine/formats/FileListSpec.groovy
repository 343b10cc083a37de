package org.relengine.formats

import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.util.concurrent.ForkJoinPool
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Mirror file lists, in the format quick-fedora-mirror clients read: the times, types, sizes and paths of
 * a real tree, and a list that an rsync client can follow to reproduce the tree exactly.
 */
class FileListSpec extends Specification {

    @TempDir
    Path tree

    static final boolean utf8 = System.getProperty('sun.jnu.encoding') == 'UTF-8'

    static long seconds(Path p, String attribute) {
        ((FileTime) Files.getAttribute(p, "unix:$attribute", LinkOption.NOFOLLOW_LINKS)).toMillis().intdiv(1000) as long
    }

    def "fullfiletimelist lists every file, directory and link with max(mtime, ctime), type and size, in sections ending with [End]"() {
        given:
        Path os = Files.createDirectories(tree.resolve('9.7/BaseOS/x86_64/os'))
        Path repomd = Files.createDirectories(os.resolve('repodata')).resolve('repomd.xml')
        Files.writeString(repomd, '<repomd/>\n')
        Files.setLastModifiedTime(repomd, FileTime.fromMillis(1_000_000_000_000L))   // mtime far older than ctime
        Files.createSymbolicLink(tree.resolve('9'), Path.of('9.7'))
        Files.writeString(tree.resolve('fullfilelist'), 'an old list\n')               // lists never list themselves
        // nor relengine's run locks at a publish root, which no mirror copies
        Files.writeString(Files.createDirectories(tree.resolve('.relengine/locks')).resolve('mirror_pub_rocky_9.7.lock'), 'pid 1\n')

        when:
        FileList.write(tree, 'rocky', ForkJoinPool.commonPool())
        List<String> lines = Files.readAllLines(tree.resolve('fullfiletimelist-rocky'))
        List<String> files = lines.subList(lines.indexOf('[Files]') + 1, lines.indexOf('[Checksums SHA1]') - 1)

        then:
        lines.take(4) == ['[Version]', '2', '', '[Files]']
        // the SHA-1 of each repomd.xml, as create-filelist -c lists them; the other sections empty
        lines.takeRight(10) == ['[Checksums SHA1]',
                                '79b406525f62bbca1e24ce11921da46feb919ac5\t9.7/BaseOS/x86_64/os/repodata/repomd.xml',   // sha1sum of <repomd/>
                                '', '[Checksums MD5]', '', '[Checksums SHA256]', '', '[Checksums SHA512]', '', '[End]']
        lines.last() == '[End]'
        files*.split('\t')*.getAt(3) == ['9', '9.7', '9.7/BaseOS', '9.7/BaseOS/x86_64', '9.7/BaseOS/x86_64/os',
                                         '9.7/BaseOS/x86_64/os/repodata', '9.7/BaseOS/x86_64/os/repodata/repomd.xml']
        files[0] == "${seconds(tree.resolve('9'), 'ctime')}\tl\t3\t9".toString()
        files[6] == "${seconds(repomd, 'ctime')}\tf\t10\t9.7/BaseOS/x86_64/os/repodata/repomd.xml".toString()
        seconds(repomd, 'ctime') > seconds(repomd, 'lastModifiedTime')
        files[1].split('\t')[1] == 'd'

        and: 'fullfilelist is the find . listing'
        Files.readAllLines(tree.resolve('fullfilelist')) == ['.', './9', './9.7', './9.7/BaseOS', './9.7/BaseOS/x86_64',
                                                             './9.7/BaseOS/x86_64/os', './9.7/BaseOS/x86_64/os/repodata',
                                                             './9.7/BaseOS/x86_64/os/repodata/repomd.xml']
    }

    def "a new hard link makes both names look changed: their time is the shared ctime"() {
        given:
        Path a = Files.createDirectories(tree.resolve('os/Packages')).resolve('a.rpm')
        Files.writeString(a, 'payload')
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000_000_000L))
        Files.createLink(tree.resolve('os/Packages/b.rpm'), a)

        when:
        def entries = FileList.walk(tree, ForkJoinPool.commonPool()).findAll { it.type() == 'f' as char }

        then:
        entries*.path() == ['os/Packages/a.rpm', 'os/Packages/b.rpm']
        entries*.time().toSet() == [seconds(a, 'ctime')] as Set
        entries.every { it.time() > 1_000_000_000L }
    }

    def "an rsync client that copies only the paths of the list reproduces the tree exactly"() {
        given: 'a tree with packages, repodata, a link and an empty directory'
        Path source = Files.createDirectories(tree.resolve('source'))
        ['9.7/BaseOS/x86_64/os/Packages/b/bash-5.1.rpm', '9.7/BaseOS/x86_64/os/repodata/repomd.xml',
         '9.7/isos/x86_64/CHECKSUM'].each {
            Files.createDirectories(source.resolve(it).parent)
            Files.writeString(source.resolve(it), "content of $it\n")
        }
        Files.createDirectories(source.resolve('9.7/empty'))
        Files.createSymbolicLink(source.resolve('9'), Path.of('9.7'))
        FileList.write(source, 'rocky', ForkJoinPool.commonPool())
        Path files = tree.resolve('files-from')
        Files.write(files, Files.readAllLines(source.resolve('fullfiletimelist-rocky'))
                .findAll { it.split('\t').size() == 4 }.collect { it.split('\t')[3] })
        Path mirror = tree.resolve('mirror')

        when:
        def rsync = new ProcessBuilder('rsync', '-rlptH', '--files-from=' + files, source.toString() + '/',
                mirror.toString() + '/').redirectErrorStream(true).start()
        String output = new String(rsync.inputStream.readAllBytes(), 'UTF-8')
        int exit = rsync.waitFor()
        def diff = new ProcessBuilder('diff', '-r', '--no-dereference', '--exclude=fullfile*', source.toString(),
                mirror.toString()).redirectErrorStream(true).start()
        String differences = new String(diff.inputStream.readAllBytes(), 'UTF-8')

        then:
        exit == 0
        output == ''
        diff.waitFor() == 0
        differences == ''
        Files.readSymbolicLink(mirror.resolve('9')) == Path.of('9.7')
        Files.isDirectory(mirror.resolve('9.7/empty'))
    }

    def "the specs run with the JDK's internals opened, as the launcher starts the command: the fast reader is the one tested"() {
        expect:
        NativeDirectoryReader.ifOpened() != null
        FileList.bestReader() instanceof NativeDirectoryReader
    }

    def "paths sort as whole paths, also where a name continues with a character below or above '/'"() {
        given: "'-' and '.' sort before '/', '0' and '_' after it"
        ['a/x', 'a-b/y', 'a.b', 'a0/z', 'a_', 'b'].each {
            Files.createDirectories(tree.resolve(it).parent)
            Files.writeString(tree.resolve(it), it)
        }

        when:
        List<String> paths = FileList.walk(tree, ForkJoinPool.commonPool())*.path()

        then:
        paths == ['a', 'a-b', 'a-b/y', 'a.b', 'a/x', 'a0', 'a0/z', 'a_', 'b']
        paths == paths.toSorted()
    }

    def "the fast reader and the public file API write the same lists, byte for byte"() {
        given: 'packages, repodata, links, a hard link, an empty directory, names in UTF-8 and a stale list'
        List<String> names = ['9.7/BaseOS/x86_64/os/Packages/b/bash-5.1.rpm', '9.7/BaseOS/x86_64/os/repodata/repomd.xml',
                              '9.7/isos/x86_64/CHECKSUM', '9.7-x/a', '9.7.1/b']
        if (utf8) {   // the public API can name only what the locale's charset can encode
            names += ['9.7/AppStream/x86_64/os/Packages/c/café-1.0.rpm', '9.7/extras/日本語.txt']
        }
        names.each {
            Files.createDirectories(tree.resolve(it).parent)
            Files.writeString(tree.resolve(it), "content of $it\n")
        }
        Files.createLink(tree.resolve('9.7/isos/x86_64/CHECKSUM.link'), tree.resolve('9.7/isos/x86_64/CHECKSUM'))
        Files.createDirectories(tree.resolve('9.7/empty'))
        Files.createSymbolicLink(tree.resolve('9'), Path.of('9.7'))
        Files.createSymbolicLink(tree.resolve('9.7/dangling'), Path.of('nowhere'))
        Files.writeString(tree.resolve('fullfiletimelist-rocky'), 'an old list\n')

        when:
        FileList.write(tree, 'rocky', ForkJoinPool.commonPool(), NativeDirectoryReader.ifOpened())
        byte[] fastTimes = Files.readAllBytes(tree.resolve('fullfiletimelist-rocky'))
        byte[] fastPaths = Files.readAllBytes(tree.resolve('fullfilelist'))
        FileList.write(tree, 'rocky', new ForkJoinPool(3), new PortableDirectoryReader())

        then:
        !utf8 || new String(fastTimes, 'UTF-8').contains('\t9.7/AppStream/x86_64/os/Packages/c/café-1.0.rpm\n')
        fastTimes == Files.readAllBytes(tree.resolve('fullfiletimelist-rocky'))
        fastPaths == Files.readAllBytes(tree.resolve('fullfilelist'))
        !Files.list(tree).anyMatch { it.fileName.toString().endsWith('.part') }
    }

    def "a name that is not UTF-8 is listed as the bytes the file system holds, which is what rsync needs"() {
        given: "café in Latin-1: é is the single byte 0xE9"
        def touch = new ProcessBuilder('sh', '-c', 'touch "$(printf \'caf\\351\')"').directory(tree.toFile()).start()
        assert touch.waitFor() == 0

        when:
        FileList.write(tree, 'rocky', ForkJoinPool.commonPool())

        then:
        Files.readAllBytes(tree.resolve('fullfilelist')) == ((".\n./caf".bytes as List) + [0xE9, 0x0A]) as byte[]
    }

    def "a directory that cannot be read is named in the error"() {
        when:
        FileList.write(tree.resolve('missing'), 'rocky', ForkJoinPool.commonPool())

        then:
        UncheckedIOException e = thrown()
        e.message == "cannot list ${tree.resolve('missing')}".toString()
    }

    def "times before 1970 are whole seconds towards zero, as FileTime.toMillis() / 1000 and Python's int() give them"() {
        expect:
        DirectoryReader.seconds(sec, nsec) == jdk(sec, nsec).toMillis().intdiv(1000)

        where:
        sec           | nsec
        1_762_875_753 | 0
        1_762_875_753 | 999_999_999
        0             | 5
        -1            | 0
        -1            | 500_000_000
        -2            | 1
    }

    /** A stat time as the JDK's attributes object turns it into a FileTime. */
    static FileTime jdk(long sec, long nsec) {
        nsec == 0 ? FileTime.from(sec, TimeUnit.SECONDS) : FileTime.from(sec * 1_000_000_000L + nsec, TimeUnit.NANOSECONDS)
    }

    def "numbers are written as Long.toString writes them"() {
        given: 'a buffer smaller than its content, to be grown'
        def bytes = new ByteArrayOutputStream()
        def lines = new ListBytes(4)

        when:
        [0L, 7L, -7L, 1_762_875_753L, 13_165_920_256L, Long.MAX_VALUE, Long.MIN_VALUE].each { lines.decimal(it).add(0x20) }
        lines.writeTo(bytes, 0, lines.length())

        then:
        bytes.toString('US-ASCII') == '0 7 -7 1762875753 13165920256 9223372036854775807 -9223372036854775808 '
    }

    /** The paths of fullfiletimelist's [Files] lines, which are its lines with a tab. */
    List<String> listedTimes() {
        Files.readAllLines(tree.resolve('fullfiletimelist-rocky')).findAll { it.split('\t').size() == 4 }.collect { it.split('\t', 4)[3] }
    }

    def "a name with #what is left out of both lists, which are otherwise as before, and returned to be warned of"() {
        given:
        ['9.7/a', '9.7/b/c'].each {
            Files.createDirectories(tree.resolve(it).parent)
            Files.writeString(tree.resolve(it), it)
        }
        Files.writeString(tree.resolve("9.7/b/x${character}y"), 'forged\t0\tf\t0\tpath\n')

        when:
        def written = FileList.write(tree, 'rocky', ForkJoinPool.commonPool())

        then:
        Files.readAllLines(tree.resolve('fullfilelist')) == ['.', './9.7', './9.7/a', './9.7/b', './9.7/b/c']
        listedTimes() == ['9.7', '9.7/a', '9.7/b', '9.7/b/c']
        written.entries() == 4
        written.unlisted()*.shown() == ["9.7/b/x${shown}y".toString()]
        written.unlisted()*.directory() == [false]
        written.warning(Path.of('TREE')) == [
                'warning: TREE: 1 name left out of the lists, whose lines cannot hold a newline, tab or carriage return:',
                "  9.7/b/x${shown}y".toString()]

        where:
        what                | character || shown
        'a newline'         | '\n'      || '\\n'
        'a tab'             | '\t'      || '\\t'
        'a carriage return' | '\r'      || '\\r'
    }

    def "a directory whose name has a newline is left out with everything below it, by both readers alike"() {
        given:
        Files.createDirectories(tree.resolve('9.7/ok'))
        Files.createDirectories(tree.resolve('9.7/evil\n1700000000\tf\t1\tforged'))
        Files.writeString(tree.resolve('9.7/evil\n1700000000\tf\t1\tforged/inner'), 'x')
        Files.writeString(tree.resolve('tab\there'), 'x')

        when:
        def fast = FileList.write(tree, 'rocky', ForkJoinPool.commonPool(), NativeDirectoryReader.ifOpened())
        byte[] fastTimes = Files.readAllBytes(tree.resolve('fullfiletimelist-rocky'))
        byte[] fastPaths = Files.readAllBytes(tree.resolve('fullfilelist'))
        def portable = FileList.write(tree, 'rocky', new ForkJoinPool(3), new PortableDirectoryReader())

        then:
        Files.readAllLines(tree.resolve('fullfilelist')) == ['.', './9.7', './9.7/ok']
        listedTimes() == ['9.7', '9.7/ok']
        fast.entries() == 2
        fast.unlisted()*.shown() == ['9.7/evil\\n1700000000\\tf\\t1\\tforged/', 'tab\\there']
        fast.warning(Path.of('TREE')) == [
                'warning: TREE: 2 names left out of the lists, whose lines cannot hold a newline, tab or carriage return:',
                '  9.7/evil\\n1700000000\\tf\\t1\\tforged/ (and everything below it)',
                '  tab\\there']
        portable.unlisted()*.shown() == fast.unlisted()*.shown()
        fastTimes == Files.readAllBytes(tree.resolve('fullfiletimelist-rocky'))
        fastPaths == Files.readAllBytes(tree.resolve('fullfilelist'))
    }

    def "a name left out is shown on one line, unambiguously, as #shown"() {
        expect:
        new UnlistedName(bytes as byte[], directory).shown() == shown

        where:
        bytes                                         | directory || shown
        'a\nb'.bytes                                  | false     || 'a\\nb'
        'a\\nb\n'.bytes                               | false     || 'a\\\\nb\\n'
        'caf\u00e9\t'.getBytes('UTF-8')                | false     || 'caf\u00e9\\t'
        [0x63, 0x61, 0x66, 0xE9, 0x0A]                | false     || 'caf\\xE9\\n'
        [0x1B, 0x5B, 0x32, 0x4A, 0x0D]                | false     || '\\x1B[2J\\r'
        'dir\tname'.bytes                             | true      || 'dir\\tname/'
    }

    def "a module that is not one directory name is refused before anything is written: #module"() {
        when:
        FileList.write(tree, module, ForkJoinPool.commonPool())

        then:
        IllegalArgumentException e = thrown()
        e.message == message
        Files.list(tree).withCloseable { it.count() } == 0

        where:
        module         || message
        '../x'         || '`../x` is not a file list module: it has a `..` segment'
        'a/../../../x' || '`a/../../../x` is not a file list module: it has a `..` segment'
        ''             || '`` is not a file list module: it is empty'
    }
}
