package org.relengine.formats

import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.util.concurrent.ForkJoinPool
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Mirror file lists, in the format quick-fedora-mirror clients read: the times, types, sizes and paths of
 * a real tree, and a list that an rsync client can follow to reproduce the tree exactly.
 */
class FileListSpec extends Specification {

    @TempDir
    Path tree

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

        when:
        FileList.write(tree, 'rocky', ForkJoinPool.commonPool())
        List<String> lines = Files.readAllLines(tree.resolve('fullfiletimelist-rocky'))
        List<String> files = lines.subList(lines.indexOf('[Files]') + 1, lines.indexOf('[Checksums SHA1]') - 1)

        then:
        lines.take(4) == ['[Version]', '2', '', '[Files]']
        lines.takeRight(9) == ['', '[Checksums SHA1]', '', '[Checksums MD5]', '', '[Checksums SHA256]', '',
                               '[Checksums SHA512]', '', '[End]'].takeRight(9)
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
                .findAll { it.contains('\t') }.collect { it.split('\t')[3] })
        Path mirror = tree.resolve('mirror')

        when:
        def rsync = new ProcessBuilder('rsync', '-rlptH', '--files-from=' + files, source.toString() + '/',
                mirror.toString() + '/').redirectErrorStream(true).start()
        String output = rsync.inputStream.text
        int exit = rsync.waitFor()
        def diff = new ProcessBuilder('diff', '-r', '--no-dereference', '--exclude=fullfile*', source.toString(),
                mirror.toString()).redirectErrorStream(true).start()
        String differences = diff.inputStream.text

        then:
        exit == 0
        output == ''
        diff.waitFor() == 0
        differences == ''
        Files.readSymbolicLink(mirror.resolve('9')) == Path.of('9.7')
        Files.isDirectory(mirror.resolve('9.7/empty'))
    }
}
