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
            Files.readAllLines(dir.resolve(list)).findAll { it.contains('\t') }.collect { it.split('\t', 4)[3] } ==
                    ['9.7', '9.7/BaseOS', '9.7/BaseOS/repomd.xml']
        }
        Files.readAllLines(dir.resolve('fullfilelist')) == ['.', './9.7', './9.7/BaseOS', './9.7/BaseOS/repomd.xml']
    }
}
