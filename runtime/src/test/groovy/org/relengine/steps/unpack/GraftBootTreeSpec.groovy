package org.relengine.steps.unpack

import org.relengine.steps.Ops
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import org.relengine.plan.spi.TaskFailure
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The `graft-boot-tree` operation: the unpacked lorax tree, which comes from an archive, is copied into a repo's
 * tree without ever following a link in it. A "host" file beside the trees stands for /etc/shadow.
 */
class GraftBootTreeSpec extends Specification {

    @TempDir
    Path dir

    Path lorax
    Path os
    Path host

    def setup() {
        lorax = dir.resolve('lorax')
        os = dir.resolve('os')
        host = dir.resolve('host/shadow')
        write(host, 'root:secret')
        write(lorax.resolve('images/boot.iso'), 'iso')
        write(lorax.resolve('isolinux/vmlinuz'), 'kernel')
        write(lorax.resolve('.treeinfo'), 'lorax treeinfo')
        write(os.resolve('Packages/bash.rpm'), 'bash')
        write(os.resolve('.treeinfo'), 'repo treeinfo')
    }

    def "files are copied, and a link that stays inside the tree is copied as the same link"() {
        given:
        Files.createDirectories(lorax.resolve('images/pxeboot'))
        Files.createSymbolicLink(lorax.resolve('images/pxeboot/vmlinuz'), Path.of('../../isolinux/vmlinuz'))

        when:
        graft()

        then:
        Files.readString(os.resolve('images/boot.iso')) == 'iso'
        Files.readString(os.resolve('isolinux/vmlinuz')) == 'kernel'
        Files.isSymbolicLink(os.resolve('images/pxeboot/vmlinuz'))
        Files.readSymbolicLink(os.resolve('images/pxeboot/vmlinuz')) == Path.of('../../isolinux/vmlinuz')
        Files.readString(os.resolve('.treeinfo')) == 'repo treeinfo'
        Files.readString(os.resolve('Packages/bash.rpm')) == 'bash'
    }

    def "a grafted file keeps the time it was unpacked with, so that the same boot tree is published unchanged"() {
        given:
        Files.setLastModifiedTime(lorax.resolve('images/boot.iso'), java.nio.file.attribute.FileTime.fromMillis(1_762_819_200_000L))

        when:
        graft()

        then:
        Files.getLastModifiedTime(os.resolve('images/boot.iso')).toMillis() == 1_762_819_200_000L
    }

    def "a link that leads out of the boot tree is refused, naming it, and what it leads to is never copied: #why"() {
        given:
        Files.createSymbolicLink(lorax.resolve('images/shadow'), target(dir))

        when:
        graft()

        then:
        TaskFailure failure = thrown()
        failure.message == 'the boot tree ' + lorax + ' holds the link images/shadow to ' + target(dir) + ', which ' +
                message + '; refusing to graft it into ' + os
        Files.walk(os).withCloseable { paths ->
            paths.filter { Files.isRegularFile(it, LinkOption.NOFOLLOW_LINKS) }.noneMatch { Files.readString(it).contains('secret') }
        }
        !Files.exists(os.resolve('images/shadow'), LinkOption.NOFOLLOW_LINKS)

        where:
        why                          | target                                        | message
        'to a host file by its path' | { Path d -> d.resolve('host/shadow') }        | 'is an absolute path'
        'up and out with ..'         | { Path d -> Path.of('../../host/shadow') }     | 'leads outside the tree'
        'to a directory outside'     | { Path d -> Path.of('../../host') }            | 'leads outside the tree'
        'to nothing'                 | { Path d -> Path.of('missing') }               | 'leads to nothing'
    }

    def "a link that leads out through another link is refused, whichever of them is met first"() {
        given: '`isolinux/up` leads to the directory with the host file'
        Files.createSymbolicLink(lorax.resolve('isolinux/up'), Path.of('../../host'))
        Files.createSymbolicLink(lorax.resolve('images/shadow'), Path.of('../isolinux/up/shadow'))

        when:
        graft()

        then:
        TaskFailure failure = thrown()
        failure.message.startsWith('the boot tree ' + lorax + ' holds the link ')
        Files.walk(os).withCloseable { paths ->
            paths.filter { Files.isRegularFile(it, LinkOption.NOFOLLOW_LINKS) }.noneMatch { Files.readString(it).contains('secret') }
        }
    }

    def "a boot tree that is itself a link is refused"() {
        given:
        Path link = dir.resolve('lorax-link')
        Files.createSymbolicLink(link, host.parent)

        when:
        Ops.run('graft-boot-tree', [from: link.toString(), into: os.toString()], new PrintWriter(new StringWriter()), dir.resolve('scratch'))

        then:
        TaskFailure failure = thrown()
        failure.message == 'the boot tree ' + link + ' is not a directory; refusing to graft it into ' + os
        !Files.exists(os.resolve('shadow'))
    }

    private void graft() {
        Ops.run('graft-boot-tree', [from: lorax.toString(), into: os.toString()], new PrintWriter(new StringWriter()), dir.resolve('scratch'))
    }

    private static void write(Path path, String text) {
        Files.createDirectories(path.parent)
        Files.writeString(path, text)
    }
}
