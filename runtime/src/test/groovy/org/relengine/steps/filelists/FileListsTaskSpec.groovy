package org.relengine.steps.filelists

import org.relengine.steps.Ops
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The {@code filelists} publish step's task: the lists and Rocky's copies of them, with every name the lists
 * cannot hold left out and named, escaped, in the task's log.
 */
class FileListsTaskSpec extends Specification {

    @TempDir
    Path work

    def "names with a newline or tab are left out of the lists and their copies, and listed as a warning in the task's log"() {
        given:
        Path dir = Files.createDirectories(work.resolve('mirror/pub/rocky'))
        Files.createDirectories(dir.resolve('9.7/BaseOS'))
        Files.writeString(dir.resolve('9.7/BaseOS/repomd.xml'), '<repomd/>')
        Files.writeString(dir.resolve('9.7/x\n0\tf\t0\t9.7-forged'), 'x')
        Files.createDirectories(dir.resolve('tab\tdir'))
        StringWriter text = new StringWriter()

        when:
        new PrintWriter(text).withCloseable {
            Ops.run('write-file-lists', [dir: dir.toString(), module: 'rocky'], it, work.resolve('scratch'))
        }

        then:
        text.toString().readLines() == [
                "warning: ${dir}: 2 names left out of the lists, whose lines cannot hold a newline, tab or carriage return:".toString(),
                '  9.7/x\\n0\\tf\\t0\\t9.7-forged',
                '  tab\\tdir/ (and everything below it)',
                "3 entries listed in ${dir.resolve('fullfiletimelist-rocky')}".toString()]
        ['fullfiletimelist-rocky', 'fullfiletimelist', 'fullfiletimelist-rocky-linux'].every { list ->
            Files.readAllLines(dir.resolve(list)).findAll { it.split('\t').size() == 4 }.collect { it.split('\t', 4)[3] } ==
                    ['9.7', '9.7/BaseOS', '9.7/BaseOS/repomd.xml']
        }
        Files.readAllLines(dir.resolve('fullfilelist')) == ['.', './9.7', './9.7/BaseOS', './9.7/BaseOS/repomd.xml']
    }

    String run(Path dir, String module) {
        StringWriter text = new StringWriter()
        new PrintWriter(text).withCloseable {
            Ops.run('write-file-lists', [dir: dir.toString(), module: module], it, work.resolve('scratch'))
        }
        text.toString()
    }

    static List<String> paths(Path list) {
        Files.readAllLines(list).findAll { it.split('\t').size() == 4 }.collect { it.split('\t', 4)[3] }
    }

    def "the list mirrors had is kept as -old before the new one replaces it, as sync-file-list-parallel.sh keeps it"() {
        given:
        Path dir = Files.createDirectories(work.resolve('mirror/pub/rocky'))
        Files.createDirectories(dir.resolve('9.7'))
        run(dir, 'rocky')
        String first = Files.readString(dir.resolve('fullfiletimelist-rocky'))
        Files.createDirectories(dir.resolve('9.8'))

        when:
        run(dir, 'rocky')

        then:
        Files.readString(dir.resolve('fullfiletimelist-rocky-old')) == first
        paths(dir.resolve('fullfiletimelist-rocky-old')) == ['9.7']
        paths(dir.resolve('fullfiletimelist-rocky')).containsAll(['9.7', '9.8'])
        Files.getPosixFilePermissions(dir.resolve('fullfiletimelist-rocky-old')) ==
                java.nio.file.attribute.PosixFilePermissions.fromString('rw-r--r--')
    }

    def "the first list of a tree has no -old beside it"() {
        given:
        Path dir = Files.createDirectories(work.resolve('mirror/pub/rocky/9.7'))

        when:
        run(dir.parent, 'rocky')

        then:
        !Files.exists(dir.parent.resolve('fullfiletimelist-rocky-old'))
    }

    def "a module's list is copied to fullfiletimelist; only rocky's also to fullfiletimelist-rocky-linux"() {
        given:
        Path sig = Files.createDirectories(work.resolve('mirror/pub/sig/9/cloud'))

        when:
        run(sig.parent.parent, 'sig')

        then:
        Files.list(sig.parent.parent).withCloseable { it*.fileName*.toString().findAll { it.startsWith('full') }.sort() } ==
                ['fullfilelist', 'fullfiletimelist', 'fullfiletimelist-sig']
    }

    def "the whole root is listed too, as fullfiletimelist-rocky at its top, after the modules"() {
        given:
        def result = org.relengine.compile.Recipes.load(Path.of('lists.groovy'), """\
            release 'Rocky Linux', short: 'Rocky', version: '9.7'
            arches 'x86_64'
            source peridot, url: 'https://yumrepofs.example.org/v1/projects', project: 'p'
            repos {
                repo 'BaseOS'
            }
            compose {
                sync from: peridot
            }
            publish {
                staging delete: true
                production delete: true
                filelists modules: ['rocky', 'sig'], root: true
            }
            """.stripIndent())
        assert result.ok(): result.diagnostics().toString()

        when:
        def task = org.relengine.steps.StepRegistry.plan(result.recipe(), org.relengine.plan.PlanOptions.fullRun())
                .task('filelists').get()

        then:
        task.actions()*.describe() == [
                'keep fullfiletimelist-rocky of /mnt/repos-production/mirror/pub/rocky as fullfiletimelist-rocky-old, write fullfilelist and fullfiletimelist-rocky, then its copies fullfiletimelist and fullfiletimelist-rocky-linux, each 0644',
                'keep fullfiletimelist-sig of /mnt/repos-production/mirror/pub/sig as fullfiletimelist-sig-old, write fullfilelist and fullfiletimelist-sig, then its copy fullfiletimelist, each 0644',
                'keep fullfiletimelist-rocky of /mnt/repos-production as fullfiletimelist-rocky-old, write fullfilelist and fullfiletimelist-rocky, then its copy fullfiletimelist, each 0644']
        task.outputs() == ['/mnt/repos-production/mirror/pub/rocky/fullfiletimelist-rocky',
                           '/mnt/repos-production/mirror/pub/sig/fullfiletimelist-sig',
                           '/mnt/repos-production/fullfiletimelist-rocky']
    }

    def "the root's list holds the modules' trees and their new lists, by their paths from the root"() {
        given:
        Path rocky = Files.createDirectories(work.resolve('mirror/pub/rocky/9.7'))
        run(rocky.parent, 'rocky')

        when:
        new PrintWriter(new StringWriter()).withCloseable {
            Ops.run('write-file-lists', [dir: work.toString(), module: 'rocky', copies: 'fullfiletimelist'], it,
                    work.resolve('scratch'))
        }

        then:
        paths(work.resolve('fullfiletimelist-rocky')).containsAll(['mirror/pub/rocky/9.7',
                                                                   'mirror/pub/rocky/fullfiletimelist-rocky'])
        Files.readString(work.resolve('fullfiletimelist')) == Files.readString(work.resolve('fullfiletimelist-rocky'))
        !Files.exists(work.resolve('fullfiletimelist-rocky-linux'))
    }
}
