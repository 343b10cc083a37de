package org.relengine.formats

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The .treeinfo, .discinfo and media.repo of a tree, byte for byte: productmd treeinfo 1.2 with sections and
 * keys sorted, boot images listed and checksummed only when the tree holds them, a disc's media section and no
 * boot.iso on a disc.
 */
class TreeInfoSpec extends Specification {

    static final long TIMESTAMP = 1762875753L

    /** sha256 of the one-word contents {@link #boot} gives each image. */
    static final String VMLINUZ = '42f083196bf0997a4f9c37295e311eb5012aa59e383c15b8ba466070af14cd8f'
    static final String INITRD = '09e6c018d2c8c4903308613dd1b72484d57eadf12ec50ddc8f52e5accce470f2'
    static final String EFIBOOT = '59966fdb64f29cf243de77072990dafebfc7efa74c759a02f8dff56674e448a8'
    static final String BOOT_ISO = 'a4a22649b636ce7a38baacc19fb7302de0bfec1e433adc6f6cc51379477d0aa8'
    static final String INSTALL_IMG = 'd1b199981ac22547852f5a9e8b8a114d685999db07dde47ade73e37f2521a06f'

    @TempDir
    Path tree

    /** The boot files lorax leaves in a tree, each holding a word of its own. */
    void boot(List<String> which = ['vmlinuz', 'initrd', 'efiboot', 'boot.iso', 'install.img']) {
        Map<String, String> files = [
                vmlinuz      : 'images/pxeboot/vmlinuz',
                initrd       : 'images/pxeboot/initrd.img',
                efiboot      : 'images/efiboot.img',
                'boot.iso'   : 'images/boot.iso',
                'install.img': 'images/install.img']
        which.each { word ->
            Path file = tree.resolve(files[word])
            Files.createDirectories(file.parent)
            Files.writeString(file, word)
        }
    }

    String treeinfo(String arch, String own, Map<String, String> variants, TreeInfo.DiscMedia disc = null) {
        TreeInfo.treeinfo(tree, arch, 'Rocky Linux', 'Rocky', '9.7', own, variants, TIMESTAMP, disc)
    }

    def "a plain repo tree has its one variant at . and no image, stage2, checksums or media section"() {
        expect:
        treeinfo('x86_64', 'CRB', [:]) == '''\
[header]
type = productmd.treeinfo
version = 1.2

[release]
name = Rocky Linux
short = Rocky
version = 9.7

[tree]
arch = x86_64
build_timestamp = 1762875753
platforms = x86_64
variants = CRB

[variant-CRB]
id = CRB
name = CRB
packages = Packages
repository = .
type = variant
uid = CRB
'''
    }

    def "the BaseOS install tree lists every boot image with its sha256, stage2, and AppStream through its relative path"() {
        given:
        boot()

        expect:
        treeinfo('x86_64', 'BaseOS', [AppStream: '../../../AppStream/x86_64/os']) == """\
[checksums]
images/boot.iso = sha256:$BOOT_ISO
images/efiboot.img = sha256:$EFIBOOT
images/install.img = sha256:$INSTALL_IMG
images/pxeboot/initrd.img = sha256:$INITRD
images/pxeboot/vmlinuz = sha256:$VMLINUZ

[header]
type = productmd.treeinfo
version = 1.2

[images-x86_64]
boot.iso = images/boot.iso
efiboot.img = images/efiboot.img
initrd = images/pxeboot/initrd.img
kernel = images/pxeboot/vmlinuz

[release]
name = Rocky Linux
short = Rocky
version = 9.7

[stage2]
mainimage = images/install.img

[tree]
arch = x86_64
build_timestamp = 1762875753
platforms = x86_64
variants = AppStream,BaseOS

[variant-AppStream]
id = AppStream
name = AppStream
packages = ../../../AppStream/x86_64/os/Packages
repository = ../../../AppStream/x86_64/os
type = variant
uid = AppStream

[variant-BaseOS]
id = BaseOS
name = BaseOS
packages = Packages
repository = .
type = variant
uid = BaseOS
""".toString()
    }

    def "a disc's treeinfo has a media section and leaves out the boot.iso the tree holds, in images and checksums"() {
        given:
        boot()

        expect:
        treeinfo('aarch64', 'AppStream', [BaseOS: 'BaseOS'], new TreeInfo.DiscMedia()) == """\
[checksums]
images/efiboot.img = sha256:$EFIBOOT
images/install.img = sha256:$INSTALL_IMG
images/pxeboot/initrd.img = sha256:$INITRD
images/pxeboot/vmlinuz = sha256:$VMLINUZ

[header]
type = productmd.treeinfo
version = 1.2

[images-aarch64]
efiboot.img = images/efiboot.img
initrd = images/pxeboot/initrd.img
kernel = images/pxeboot/vmlinuz

[media]
discnum = 1
totaldiscs = 1

[release]
name = Rocky Linux
short = Rocky
version = 9.7

[stage2]
mainimage = images/install.img

[tree]
arch = aarch64
build_timestamp = 1762875753
platforms = aarch64
variants = AppStream,BaseOS

[variant-AppStream]
id = AppStream
name = AppStream
packages = Packages
repository = .
type = variant
uid = AppStream

[variant-BaseOS]
id = BaseOS
name = BaseOS
packages = BaseOS/Packages
repository = BaseOS
type = variant
uid = BaseOS
""".toString()
    }

    def "a disc without boot images still has its media section"() {
        expect:
        treeinfo('x86_64', 'AppStream', [:], new TreeInfo.DiscMedia()).contains('''
[media]
discnum = 1
totaldiscs = 1

[release]
''')
    }

    def "with only #present in the tree, the image section is #images, stage2 #stage2 and the checksums #checksums"() {
        given:
        boot(present)
        String text = treeinfo('x86_64', 'BaseOS', [:])

        expect:
        section(text, 'images-x86_64') == images
        section(text, 'stage2') == stage2
        section(text, 'checksums')?.collect { it.substring(0, it.indexOf(' = ')) } == checksums

        where:
        present                   || images                                                               | stage2                            | checksums
        []                        || null                                                                 | null                              | null
        ['install.img']           || null                                                                 | ['mainimage = images/install.img'] | ['images/install.img']
        ['vmlinuz', 'initrd']     || ['initrd = images/pxeboot/initrd.img', 'kernel = images/pxeboot/vmlinuz'] | null          | ['images/pxeboot/initrd.img', 'images/pxeboot/vmlinuz']
        ['boot.iso']              || ['boot.iso = images/boot.iso']                                       | null                              | ['images/boot.iso']
    }

    def "an image path that is a directory, not a file, is not listed"() {
        given:
        Files.createDirectories(tree.resolve('images/pxeboot/vmlinuz'))
        Files.createDirectories(tree.resolve('images/install.img'))

        when:
        String text = treeinfo('x86_64', 'BaseOS', [:])

        then:
        section(text, 'images-x86_64') == null
        section(text, 'stage2') == null
        section(text, 'checksums') == null
    }

    def "the tree's variants are listed sorted by uid: own #own with #others gives #listed"() {
        expect:
        section(treeinfo('x86_64', own, others), 'tree').find { it.startsWith('variants = ') } == "variants = $listed"

        where:
        own         | others                                               || listed
        'BaseOS'    | [:]                                                  || 'BaseOS'
        'BaseOS'    | [AppStream: 'AppStream']                             || 'AppStream,BaseOS'
        'AppStream' | [CRB: 'CRB', BaseOS: 'BaseOS']                       || 'AppStream,BaseOS,CRB'
    }

    def "a source tree is arch src on platform src"() {
        expect:
        section(treeinfo('src', 'BaseOS', [:]), 'tree') ==
                ['arch = src', 'build_timestamp = 1762875753', 'platforms = src', 'variants = BaseOS']
    }

    def "the .discinfo is four lines: the timestamp as a float, the description, the arch and ALL"() {
        expect:
        TreeInfo.discinfo(TIMESTAMP, 'Rocky Linux 9.7', 'x86_64') == '1762875753.0\nRocky Linux 9.7\nx86_64\nALL\n'
    }

    def "media.repo names the media and carries the .discinfo timestamp as its media id"() {
        expect:
        TreeInfo.mediaRepo(TIMESTAMP, 'Rocky Linux 9.7') == '''\
[InstallMedia]
name=Rocky Linux 9.7
mediaid=1762875753.0
metadata_expire=-1
gpgcheck=0
cost=500
'''
        TreeInfo.mediaRepo(TIMESTAMP, 'x').contains("mediaid=${TreeInfo.discinfo(TIMESTAMP, 'x', 'y').readLines()[0]}\n")
    }

    /** The key lines of a section, or null when the text has none. */
    private static List<String> section(String text, String name) {
        List<String> lines = text.readLines()
        int start = lines.indexOf("[$name]".toString())
        if (start < 0) {
            return null
        }
        List<String> keys = []
        for (String line : lines.drop(start + 1)) {
            if (line.isEmpty()) {
                break
            }
            keys << line
        }
        keys
    }
}
