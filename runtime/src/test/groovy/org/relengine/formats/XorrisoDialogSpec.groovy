package org.relengine.formats

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The xorriso dialog that makes a DVD from the boot ISO: the boot ISO replayed, the lorax tree's files the
 * boot ISO lacks mapped and the few a disc changes updated, boot paths first, then the extra files and the
 * disc's own files, every repo's repodata and then every repo's packages. The volume id is given, not read,
 * so no ISO is needed: the paths named need not exist except the trees that are walked.
 */
class XorrisoDialogSpec extends Specification {

    @TempDir
    Path dir

    Path boot
    Path out
    Path lorax
    Path extra
    Path root
    Path baseos
    Path appstream

    def setup() {
        boot = dir.resolve('work/x86_64/lorax/images/boot.iso')
        out = dir.resolve('compose/isos/x86_64/Rocky-9.7-x86_64-dvd.iso')
        lorax = dir.resolve('work/x86_64/lorax')
        extra = dir.resolve('work/extra-files')
        root = dir.resolve('work/x86_64/dvd-root')
        baseos = dir.resolve('compose/BaseOS/x86_64/os')
        appstream = dir.resolve('compose/AppStream/x86_64/os')
    }

    void touch(Path base, String... relative) {
        relative.each {
            Path file = base.resolve(it)
            Files.createDirectories(file.parent)
            Files.writeString(file, it)
        }
    }

    /** What lorax's boot.iso holds, as its manifest lists it. */
    static final Set<String> BOOT_MANIFEST = ['.discinfo', '.treeinfo', 'EFI/BOOT/grub.cfg', 'images/efiboot.img',
                                              'images/install.img', 'images/pxeboot/vmlinuz', 'isolinux/isolinux.cfg',
                                              'isolinux/vesamenu.c32'] as Set

    String render(String arch, Map<String, Path> repos, Set<String> manifest = BOOT_MANIFEST,
                  Map<Path, String> discFiles = [(root.resolve('.treeinfo')): '.treeinfo', (root.resolve('.discinfo')): '.discinfo'],
                  Path extraFiles = extra) {
        XorrisoDialog.render(boot, out, 'Rocky-9-7-x86_64-dvd', arch, lorax, extraFiles, repos, manifest, discFiles)
    }

    def "the DVD replays the boot ISO, maps what it lacks, updates what a disc changes, then extra files, disc files, repodata and packages"() {
        given:
        touch(lorax, '.treeinfo', 'EFI/BOOT/grub.cfg', 'images/boot.iso', 'images/boot.iso.manifest', 'images/efiboot.img',
                'images/install.img', 'images/product.img', 'images/pxeboot/vmlinuz', 'isolinux/isolinux.cfg',
                'isolinux/vesamenu.c32')
        touch(extra, 'EULA', 'LICENSE', 'RPM-GPG-KEY-Rocky-9')
        touch(baseos, 'repodata/repomd.xml', 'Packages/b/bash.rpm')
        touch(appstream, 'repodata/repomd.xml', 'Packages/n/nginx.rpm')

        expect:
        render('x86_64', [BaseOS: baseos, AppStream: appstream]) == """\
-indev "$boot"
-outdev "$out"
-boot_image any replay
-joliet on
-system_id LINUX
-compliance joliet_long_names
-volid "Rocky-9-7-x86_64-dvd"
-update "$lorax/EFI/BOOT/grub.cfg" "/EFI/BOOT/grub.cfg"
-update "$lorax/images/efiboot.img" "/images/efiboot.img"
-map "$lorax/images/product.img" "/images/product.img"
-update "$lorax/isolinux/isolinux.cfg" "/isolinux/isolinux.cfg"
-update "$root/.treeinfo" "/.treeinfo"
-map "$extra/EULA" "/EULA"
-map "$extra/LICENSE" "/LICENSE"
-map "$extra/RPM-GPG-KEY-Rocky-9" "/RPM-GPG-KEY-Rocky-9"
-update "$root/.discinfo" "/.discinfo"
-map "$baseos/repodata" "/BaseOS/repodata"
-map "$appstream/repodata" "/AppStream/repodata"
-map "$baseos/Packages" "/BaseOS/Packages"
-map "$appstream/Packages" "/AppStream/Packages"
-end
""".toString()
    }

    def "a file the boot ISO holds and a disc does not change (#path) is replayed, not grafted"() {
        given:
        touch(lorax, path)

        expect:
        !render('x86_64', [:], [path] as Set, [:]).contains("\"/$path\"")
        render('x86_64', [:], [] as Set, [:]).contains("-map \"$lorax/$path\" \"/$path\"")

        where:
        path << ['images/install.img', 'images/pxeboot/vmlinuz', 'isolinux/vesamenu.c32', 'images/pxeboot/initrd.img']
    }

    def "a file the boot ISO holds that a disc changes (#path) is updated"() {
        given:
        touch(lorax, path)

        expect:
        render('x86_64', [:], [path] as Set, [:]).readLines().findAll { it.endsWith("\"/$path\"") } ==
                ["-update \"$lorax/$path\" \"/$path\"".toString()]

        where:
        path << ['isolinux/isolinux.cfg', 'etc/yaboot.conf', 'ppc/ppc64/yaboot.conf', 'EFI/BOOT/BOOTX64.conf',
                 'EFI/BOOT/grub.cfg', 'images/efiboot.img', '.discinfo', '.treeinfo']
    }

    def "the boot ISO and its manifest are never grafted into the disc made from it"() {
        given:
        touch(lorax, 'images/boot.iso', 'images/boot.iso.manifest')

        expect:
        render('x86_64', [:], [] as Set, [:]).readLines().drop(7) == ['-end']
    }

    def "on #arch the system id is #systemId and the compliance #compliance"() {
        expect:
        render(arch, [:], [] as Set, [:]).readLines()[4..5] == ["-system_id $systemId", "-compliance $compliance"]

        where:
        arch      || systemId | compliance
        'x86_64'  || 'LINUX'  | 'joliet_long_names'
        'aarch64' || 'LINUX'  | 'joliet_long_names'
        's390x'   || 'LINUX'  | 'joliet_long_names'
        'ppc64le' || 'PPC'    | 'joliet_long_names:untranslated_names'
    }

    def "boot paths (#path) come before every other graft"() {
        given:
        touch(lorax, 'README', path)

        expect:
        render('x86_64', [:], [] as Set, [:]).readLines().findAll { it.startsWith('-map ') } ==
                ["-map \"$lorax/$path\" \"/$path\"", "-map \"$lorax/README\" \"/README\""]*.toString()

        where:
        path << ['images/product.img', 'isolinux/boot.msg', 'EFI/BOOT/BOOTX64.EFI', 'etc/addon.cfg', 'ppc/bootinfo.txt',
                 'zz-stage.img', 'generic.ins']
    }

    def "without a lorax tree, extra files or repos, the dialog grafts only the disc files"() {
        expect:
        render('x86_64', [BaseOS: baseos], [] as Set, [(root.resolve('.treeinfo')): '.treeinfo'], null).readLines().drop(7) ==
                ["-map \"$root/.treeinfo\" \"/.treeinfo\"", '-end']*.toString()
    }

    def "only the extra files at the top of their directory are grafted, at the disc's root"() {
        given:
        touch(extra, 'EULA', 'nested/NOT-ME')

        expect:
        render('x86_64', [:], [] as Set, [:]).readLines().drop(7) == ["-map \"$extra/EULA\" \"/EULA\"", '-end']*.toString()
    }

    def "a repo without repodata or packages adds no line for what it lacks"() {
        given:
        touch(baseos, 'repodata/repomd.xml')
        touch(appstream, 'Packages/n/nginx.rpm')

        expect:
        render('x86_64', [BaseOS: baseos, AppStream: appstream], [] as Set, [:]).readLines().drop(7) == [
                "-map \"$baseos/repodata\" \"/BaseOS/repodata\"",
                "-map \"$appstream/Packages\" \"/AppStream/Packages\"",
                '-end']*.toString()
    }

    def "xorriso's quoting of #word is #quoted"() {
        expect:
        XorrisoDialog.quote(word) == quoted

        where:
        word                 || quoted
        '/plain/path'        || '"/plain/path"'
        'Rocky 9 x86_64'     || '"Rocky 9 x86_64"'
        'say "hi"'           || '"say \\"hi\\""'
        'back\\slash'        || '"back\\\\slash"'
        "it's"               || '"it\'s"'
        ''                   || '""'
    }

    def "a volume id with a space or a quote is quoted on its -volid line"() {
        expect:
        XorrisoDialog.render(boot, out, 'Rocky "9" DVD', 'x86_64', lorax, null, [:], [] as Set, [:])
                .readLines()[6] == '-volid "Rocky \\"9\\" DVD"'
    }
}
