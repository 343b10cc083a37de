package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code relengine filelists} both ways it starts: as a command of the full command line, and on its own as the
 * launcher starts it for speed. Both must write the same lists and answer the same command lines the same way.
 */
class FileListsCommandSpec extends Specification {

    @TempDir
    Path dir

    Path tree(String name) {
        Path top = dir.resolve(name)
        ['9.7/BaseOS/x86_64/os/Packages/b/bash-5.1.rpm', '9.7/BaseOS/x86_64/os/repodata/repomd.xml', '9.7.1/a',
         '9.7-x/b'].each {
            Files.createDirectories(top.resolve(it).parent)
            Files.writeString(top.resolve(it), "content of $it\n")
        }
        Files.createSymbolicLink(top.resolve('9'), Path.of('9.7'))
        top
    }

    def "the launcher's own start writes the same lists as the full command line, byte for byte"() {
        given:
        Path tree = tree('tree')

        when:
        def full = Cli.run('filelists', '--quiet', '--module', 'sig', tree.toString())
        byte[] fullTimes = Files.readAllBytes(tree.resolve('fullfiletimelist-sig'))
        byte[] fullPaths = Files.readAllBytes(tree.resolve('fullfilelist'))
        def quick = Cli.run([main: Cli.QUICK_FILE_LISTS], '--quiet', '--module', 'sig', tree.toString())

        then:
        [full.exitCode, full.stdout, full.stderr] == [0, '', '']
        [quick.exitCode, quick.stdout, quick.stderr] == [0, '', '']
        Files.readAllBytes(tree.resolve('fullfiletimelist-sig')) == fullTimes
        Files.readAllBytes(tree.resolve('fullfilelist')) == fullPaths
        Files.readAllLines(tree.resolve('fullfilelist')) == ['.', './9', './9.7', './9.7-x', './9.7-x/b', './9.7.1',
                                                             './9.7.1/a', './9.7/BaseOS', './9.7/BaseOS/x86_64',
                                                             './9.7/BaseOS/x86_64/os', './9.7/BaseOS/x86_64/os/Packages',
                                                             './9.7/BaseOS/x86_64/os/Packages/b',
                                                             './9.7/BaseOS/x86_64/os/Packages/b/bash-5.1.rpm',
                                                             './9.7/BaseOS/x86_64/os/repodata',
                                                             './9.7/BaseOS/x86_64/os/repodata/repomd.xml']
    }

    def "without --quiet each tree is reported with its entry count, in the order given"() {
        given:
        Path first = tree('first')
        Path second = tree('second')

        when:
        def quick = Cli.run([main: Cli.QUICK_FILE_LISTS], first.toString(), '--module=rocky', second.toString())

        then:
        quick.exitCode == 0
        quick.stderr == ''
        quick.stdoutLines.size() == 2
        quick.stdoutLines[0] ==~ /\Q${first}\E: 14 entries in fullfilelist and fullfiletimelist-rocky \(\d+ ms\)/
        quick.stdoutLines[1].startsWith("${second}: 14 entries")
    }

    def "#args: what the launcher's own start does not read itself is answered as the full command line answers it"() {
        given:
        Path tree = tree('tree')
        List<String> line = args.collect { it.replace('TREE', tree.toString()).replace('NONE', dir.resolve('none').toString()) }

        when:
        def full = Cli.run(*(['filelists'] + line))
        def quick = Cli.run([main: Cli.QUICK_FILE_LISTS], *line)

        then:
        full.exitCode == exit
        [quick.exitCode, quick.stdout, quick.stderr] == [full.exitCode, full.stdout, full.stderr]
        full.stackTraceMarkers == []

        where:
        args                              | exit
        ['--help']                        | 0
        ['-V']                            | 0
        []                                | 64
        ['--bogus', 'TREE']               | 64
        ['--module']                      | 64
        ['TREE', '--module']              | 64
        ['--quiet', '--quiet', 'TREE']    | 64
        ['NONE']                          | 1
        ['--quiet', 'TREE', 'NONE']       | 1
    }

    def "--module `#shown`: a usage error of both starts, naming the module, and no list is written anywhere"() {
        given: 'a tree three levels down, so that a module climbing out of it would land in this spec\'s directory'
        Path tree = Files.createDirectories(dir.resolve('a/b/tree'))
        Files.writeString(tree.resolve('file'), 'content\n')
        List<String> line = args.collect { it.replace('TREE', tree.toString()) }

        when:
        def full = Cli.run(*(['filelists'] + line))
        def quick = Cli.run([main: Cli.QUICK_FILE_LISTS], *line)

        then:
        full.exitCode == 64
        full.stdout == ''
        full.stderrLines == ["relengine: Invalid value for option '--module': `${shown}` is not a file list module: "
                                     + "${reason} (a module is one directory name, e.g. 'rocky')".toString(),
                             "Try 'relengine filelists --help' for more information."]
        [quick.exitCode, quick.stdout, quick.stderr] == [full.exitCode, full.stdout, full.stderr]
        Files.walk(dir).withCloseable { it.map { dir.relativize(it).toString() }.sorted().toList() } ==
                ['', 'a', 'a/b', 'a/b/tree', 'a/b/tree/file']

        where:
        args                                  || shown          | reason
        ['--module', 'a/../../../x', 'TREE']  || 'a/../../../x'  | 'it has a `..` segment'
        ['--module=../x', 'TREE']             || '../x'          | 'it has a `..` segment'
        ['--module', '..', 'TREE']            || '..'            | 'it has a `..` segment'
        ['--module', '.', 'TREE']             || '.'             | 'it has a `.` segment'
        ['--module', '/tmp/x', 'TREE']        || '/tmp/x'        | 'it is an absolute path'
        ['--module', 'rocky/9', 'TREE']       || 'rocky/9'       | 'it has a `/`'
        ['--module=', 'TREE']                 || ''              | 'it is empty'
        ['--module', 'a\nb', 'TREE']          || 'a\\nb'         | 'it has a control character'
    }

    def "names with a newline, tab or carriage return are left out of the lists and named, escaped, in a warning, also with --quiet"() {
        given:
        Path tree = tree('tree')
        Files.writeString(tree.resolve('9.7/bad\n0\tf\t0\t9.7-forged'), 'x')
        Files.createDirectories(tree.resolve('9.7/tab\tdir/below'))
        Files.writeString(tree.resolve('cr\r'), 'x')
        List<String> warning = [
                "relengine: warning: ${tree}: 3 names left out of the lists, whose lines cannot hold a newline, tab or carriage return:".toString(),
                '  9.7/bad\\n0\\tf\\t0\\t9.7-forged',
                '  9.7/tab\\tdir/ (and everything below it)',
                '  cr\\r']

        when:
        def full = Cli.run('filelists', '--quiet', tree.toString())
        byte[] fullTimes = Files.readAllBytes(tree.resolve('fullfiletimelist-rocky'))
        def quick = Cli.run([main: Cli.QUICK_FILE_LISTS], '--quiet', tree.toString())

        then:
        [full.exitCode, full.stdout, full.stderrLines] == [0, '', warning]
        [quick.exitCode, quick.stdout, quick.stderrLines] == [0, '', warning]
        Files.readAllBytes(tree.resolve('fullfiletimelist-rocky')) == fullTimes
        Files.readAllLines(tree.resolve('fullfilelist')) == ['.', './9', './9.7', './9.7-x', './9.7-x/b', './9.7.1',
                                                             './9.7.1/a', './9.7/BaseOS', './9.7/BaseOS/x86_64',
                                                             './9.7/BaseOS/x86_64/os', './9.7/BaseOS/x86_64/os/Packages',
                                                             './9.7/BaseOS/x86_64/os/Packages/b',
                                                             './9.7/BaseOS/x86_64/os/Packages/b/bash-5.1.rpm',
                                                             './9.7/BaseOS/x86_64/os/repodata',
                                                             './9.7/BaseOS/x86_64/os/repodata/repomd.xml']
        new String(fullTimes, 'UTF-8').readLines().findAll { it.split('\t').size() == 4 }.size() == 14
    }
}
