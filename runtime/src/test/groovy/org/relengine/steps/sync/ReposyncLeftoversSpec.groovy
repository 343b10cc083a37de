package org.relengine.steps.sync

import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import org.relengine.steps.Ops
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A sync cut short (a full disk, a kill) leaves dnf reposync's {@code tmpdir.*} metadata directory in the tree,
 * which would be published with it: the next sync of the tree removes it first, and nothing else.
 */
class ReposyncLeftoversSpec extends Specification {

    @TempDir
    Path dir

    def "the tmpdir.* directories of a tree are removed with what they hold; its packages, repodata and anything else stay"() {
        given:
        Path tree = dir.resolve('BaseOS/x86_64/os')
        Path outside = Files.createDirectories(dir.resolve('outside'))
        Files.writeString(outside.resolve('keep'), 'k')
        write(tree.resolve('tmpdir.PnbHCh/repodata/repomd.xml'), '<repomd/>')
        write(tree.resolve('tmpdir.PnbHCh/repodata/other.xml.gz'), '')
        write(tree.resolve('tmpdir.a1b2c3/repodata/primary.xml.gz'), 'p')
        write(tree.resolve('Packages/b/bash-5.1.rpm'), 'rpm')
        write(tree.resolve('repodata/repomd.xml'), '<repomd/>')
        write(tree.resolve('tmpdir.txt'), 'a file of that name')
        Files.createSymbolicLink(tree.resolve('tmpdir.link'), outside)
        StringWriter log = new StringWriter()

        when:
        Ops.run('remove-reposync-leftovers', [tree: tree.toString()], new PrintWriter(log, true), dir.resolve('scratch'))

        then:
        !Files.exists(tree.resolve('tmpdir.PnbHCh'))
        !Files.exists(tree.resolve('tmpdir.a1b2c3'))
        Files.readString(tree.resolve('Packages/b/bash-5.1.rpm')) == 'rpm'
        Files.readString(tree.resolve('repodata/repomd.xml')) == '<repomd/>'
        Files.readString(tree.resolve('tmpdir.txt')) == 'a file of that name'
        Files.isSymbolicLink(tree.resolve('tmpdir.link'))
        Files.readString(outside.resolve('keep')) == 'k'
        log.toString().readLines() == [
                "removed ${tree.resolve('tmpdir.PnbHCh')}, left by an interrupted dnf reposync".toString(),
                "removed ${tree.resolve('tmpdir.a1b2c3')}, left by an interrupted dnf reposync".toString()]
    }

    def "a tree not made yet is left alone, and nothing is said"() {
        given:
        StringWriter log = new StringWriter()

        when:
        Ops.run('remove-reposync-leftovers', [tree: dir.resolve('none').toString()], new PrintWriter(log, true),
                dir.resolve('scratch'))

        then:
        !Files.exists(dir.resolve('none'), LinkOption.NOFOLLOW_LINKS)
        log.toString() == ''
    }

    private static void write(Path file, String text) {
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
    }
}
