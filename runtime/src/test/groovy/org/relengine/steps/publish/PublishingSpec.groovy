package org.relengine.steps.publish

import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import org.relengine.plan.OperationKey
import org.relengine.steps.Ops
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What every publish step shares besides its syncs: published directories made 0755, the modes of what a tool
 * wrote into staging set as rsync would give them, and the preview probe's one program.
 */
class PublishingSpec extends Specification {

    @TempDir
    Path dir

    StringWriter log = new StringWriter()

    def "make-published-directory makes each missing directory 0755, names each in the log outermost first, and leaves those that exist as they are"() {
        given: 'an administrator made the top 0700'
        Path top = Files.createDirectories(dir.resolve('mirror'))
        Files.setPosixFilePermissions(top, PosixFilePermissions.fromString('rwx------'))
        Path target = top.resolve('pub/rocky/9.7')

        when:
        run('make-published-directory', [path: target.toString()])

        then:
        mode(top) == 'rwx------'
        mode(top.resolve('pub')) == 'rwxr-xr-x'
        mode(top.resolve('pub/rocky')) == 'rwxr-xr-x'
        mode(target) == 'rwxr-xr-x'
        log.toString() == 'made ' + top.resolve('pub') + ' (0755)\n' +
                'made ' + top.resolve('pub/rocky') + ' (0755)\n' +
                'made ' + target + ' (0755)\n'
    }

    def "make-published-directory of a directory that exists changes nothing and says nothing"() {
        given:
        Path target = Files.createDirectories(dir.resolve('pub/rocky/9.7'))
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString('rwxrwx---'))

        when:
        run('make-published-directory', [path: target.toString()])

        then:
        mode(target) == 'rwxrwx---'
        log.toString() == ''
    }

    def "set-published-modes makes every file 0644 and every directory 0755, whatever they were, and counts them"() {
        given:
        Path top = dir.resolve('staging/BaseOS/x86_64/os')
        Path repomd = file(top.resolve('repodata/repomd.xml'), 'rw-------')
        Path rpm = file(top.resolve('Packages/b/bash.rpm'), 'rwxrwxrwx')
        Path treeinfo = file(top.resolve('.treeinfo'), 'r--------')
        Files.setPosixFilePermissions(top.resolve('Packages/b'), PosixFilePermissions.fromString('rwx------'))
        Files.setPosixFilePermissions(top.resolve('repodata'), PosixFilePermissions.fromString('rwxrwxrwx'))

        when:
        run('set-published-modes', [path: top.toString()])

        then:
        [repomd, rpm, treeinfo].collect { mode(it) } == ['rw-r--r--'] * 3
        [top, top.resolve('repodata'), top.resolve('Packages'), top.resolve('Packages/b')].collect { mode(it) } ==
                ['rwxr-xr-x'] * 4
        log.toString() == 'set the modes of 7 files and directories of ' + top + '\n'
    }

    def "set-published-modes neither follows nor changes a link: #what outside the tree keeps its mode"() {
        given:
        Path top = dir.resolve('staging/images')
        Path image = file(top.resolve('Rocky-9-GenericCloud.qcow2'), 'rw-rw-rw-')
        Path outside = create(dir.resolve('private'))
        Files.createSymbolicLink(top.resolve('link'), outside)

        when:
        run('set-published-modes', [path: top.toString()])

        then:
        mode(image) == 'rw-r--r--'
        Files.isSymbolicLink(top.resolve('link'))
        Files.readSymbolicLink(top.resolve('link')) == outside
        modes(outside) == kept
        log.toString() == 'set the modes of 2 files and directories of ' + top + '\n'

        where:
        what          | create                                                                       | kept
        'a file'      | { Path p -> file(p, 'rw-------') }                                           | ['': 'rw-------']
        'a directory' | { Path p -> file(p.resolve('key'), 'rw-------'); setMode(p, 'rwx------') }   | ['': 'rwx------', key: 'rw-------']
    }

    def "the publish preview probe needs rsync, and only rsync"() {
        expect:
        StepRegistry.standard().probe(new OperationKey('preview-publish')).programs() == ['rsync']
    }

    private void run(String operation, Map<String, String> params) {
        PrintWriter out = new PrintWriter(log, true)
        try {
            Ops.run(operation, params, out, dir.resolve('scratch'))
        } finally {
            out.flush()
        }
    }

    private static Path file(Path file, String mode) {
        Files.createDirectories(file.parent)
        Files.writeString(file, file.fileName.toString())
        setMode(file, mode)
    }

    private static Path setMode(Path path, String mode) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode))
        path
    }

    /** The mode of everything under {@code top}, by its path relative to it. */
    private static Map<String, String> modes(Path top) {
        Files.walk(top).withCloseable { paths -> paths.toList().collectEntries { [top.relativize(it).toString(), mode(it)] } }
    }

    private static String mode(Path path) {
        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))
    }
}
