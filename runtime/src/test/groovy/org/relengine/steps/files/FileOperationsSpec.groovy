package org.relengine.steps.files

import java.nio.file.DirectoryNotEmptyException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.BasicFileAttributes
import java.nio.file.attribute.PosixFilePermissions
import org.relengine.steps.Ops
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The file operations many steps share (rename-file, remove-file, copy-file, write-private-file, move-directory),
 * run by their keys as a task's internal actions run them: what each leaves on disk and the line it logs.
 */
class FileOperationsSpec extends Specification {

    @TempDir
    Path dir

    StringWriter log = new StringWriter()

    def "rename-file moves a file over an existing one in one rename, and logs it"() {
        given:
        Path from = write('isos/x86_64/.boot.iso.partial', 'new')
        Path to = write('isos/x86_64/boot.iso', 'old')
        Object inode = Files.readAttributes(from, BasicFileAttributes).fileKey()

        when:
        run('rename-file', [from: from.toString(), to: to.toString()])

        then: 'the very file is now under the name: renamed, not copied'
        Files.readString(to) == 'new'
        Files.readAttributes(to, BasicFileAttributes).fileKey() == inode
        !Files.exists(from)
        log.toString() == 'moved ' + from + ' into place as ' + to + '\n'
    }

    def "remove-file removes a file and says so"() {
        given:
        Path file = write('work/tmp/boot.iso.find', 'listing')

        when:
        run('remove-file', [path: file.toString()])

        then:
        !Files.exists(file)
        log.toString() == 'removed ' + file + '\n'
    }

    def "remove-file of a file that is not there does nothing and says nothing"() {
        given:
        Path file = dir.resolve('work/tmp/gone.find')

        when:
        run('remove-file', [path: file.toString()])

        then:
        notThrown(Exception)
        !Files.exists(file)
        log.toString() == ''
    }

    def "copy-file makes the target's missing directories and leaves no .part file beside the copy"() {
        given:
        Path from = write('extra/RPM-GPG-KEY-Rocky-9', 'key')
        Path to = dir.resolve('compose/BaseOS/x86_64/os/RPM-GPG-KEY-Rocky-9')

        when:
        run('copy-file', [from: from.toString(), to: to.toString()])

        then:
        Files.readString(to) == 'key'
        Files.readString(from) == 'key'
        Files.list(to.parent).withCloseable { it.toList() } == [to]
        log.toString() == 'copied ' + from + ' to ' + to + '\n'
    }

    def "copy-file replaces an existing target and a partial copy a crash left"() {
        given:
        Path from = write('extra/EULA', 'new terms')
        Path to = write('compose/EULA', 'old terms')
        write('compose/EULA.part', 'half of an old cop')

        when:
        run('copy-file', [from: from.toString(), to: to.toString()])

        then:
        Files.readString(to) == 'new terms'
        Files.list(to.parent).withCloseable { it.toList() } == [to]
    }

    def "write-private-file writes the content readable by its owner only, 0600: #what"() {
        given:
        Path file = dir.resolve('work/dnf/compose.repo')
        prepare(dir, file)

        when:
        run('write-private-file', [path: file.toString(), content: '[baseos]\npassword=hunter2\n'])

        then:
        Files.readString(file) == '[baseos]\npassword=hunter2\n'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == 'rw-------'
        Files.list(file.parent).withCloseable { it.toList() } == [file]
        log.toString() == 'wrote ' + file + ' (0600)\n'

        where:
        what                                                       | prepare
        'a new file in a new directory'                            | { Path d, Path f -> }
        'over a file everyone may read and write'                  | { Path d, Path f -> everyone(f) }
        'over a partial file, everyone may read, that a crash left' | { Path d, Path f -> everyone(f.resolveSibling('.compose.repo.part')) }
    }

    def "move-directory moves every entry into the target, replacing what is there, and counts them"() {
        given:
        Path from = dir.resolve('work/isos/x86_64')
        Path to = dir.resolve('compose/isos/x86_64')
        write('work/isos/x86_64/boot.iso', 'boot')
        write('work/isos/x86_64/dvd.iso', 'dvd')
        write('work/isos/x86_64/dvd.iso.manifest', 'Packages/bash.rpm\n')
        write('work/isos/x86_64/extra/notes.txt', 'notes')
        write('compose/isos/x86_64/dvd.iso', 'an older dvd')

        when:
        run('move-directory', [from: from.toString(), to: to.toString()])

        then:
        Files.readString(to.resolve('boot.iso')) == 'boot'
        Files.readString(to.resolve('dvd.iso')) == 'dvd'
        Files.readString(to.resolve('dvd.iso.manifest')) == 'Packages/bash.rpm\n'
        Files.readString(to.resolve('extra/notes.txt')) == 'notes'
        Files.list(from).withCloseable { it.toList() } == []
        log.toString() == 'moved 4 entries from ' + from + ' to ' + to + '\n'
    }

    def "move-directory moves entries in name order: when one cannot be moved, those before it are moved and those after it are not"() {
        given: '`b` cannot replace a directory of that name that is not empty'
        Path from = dir.resolve('work/images/x86_64')
        Path to = dir.resolve('compose/images/x86_64')
        write('work/images/x86_64/c.qcow2', 'c')
        write('work/images/x86_64/a.qcow2', 'a')
        write('work/images/x86_64/b/inside', 'b')
        write('compose/images/x86_64/b/blocking', 'kept')

        when:
        run('move-directory', [from: from.toString(), to: to.toString()])

        then:
        thrown(DirectoryNotEmptyException)
        Files.readString(to.resolve('a.qcow2')) == 'a'
        !Files.exists(from.resolve('a.qcow2'))
        Files.readString(from.resolve('c.qcow2')) == 'c'
        !Files.exists(to.resolve('c.qcow2'))
        log.toString() == ''
    }

    def "move-directory of a directory that is not there moves nothing and says so"() {
        given:
        Path from = dir.resolve('work/live/x86_64')
        Path to = dir.resolve('compose/live/x86_64')

        when:
        run('move-directory', [from: from.toString(), to: to.toString()])

        then:
        !Files.exists(to)
        log.toString() == 'nothing to move: ' + from + ' does not exist\n'
    }

    private void run(String operation, Map<String, String> params) {
        PrintWriter out = new PrintWriter(log, true)
        try {
            Ops.run(operation, params, out, dir.resolve('scratch'))
        } finally {
            out.flush()
        }
    }

    private Path write(String path, String text) {
        Path file = dir.resolve(path)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        file
    }

    private static void everyone(Path file) {
        Files.createDirectories(file.parent)
        Files.writeString(file, 'stale')
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rw-rw-rw-'))
    }
}
