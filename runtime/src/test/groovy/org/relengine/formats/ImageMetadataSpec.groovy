package org.relengine.formats

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What images.json says of an image: its identity as the plan carries it, the productmd type and format
 * of a cloud image's file format, and what an ISO's volume descriptors say of a disc.
 */
class ImageMetadataSpec extends Specification {

    @TempDir
    Path dir

    def "an identity reads back from its plan parameter #param"() {
        expect:
        ImageIdentity.parse(identity.param()) == identity
        identity.param() == param

        where:
        identity                                                            || param
        new ImageIdentity('GenericCloud-Base', 'qcow2', 'qcow2')            || 'subvariant=GenericCloud-Base type=qcow2 format=qcow2'
        new ImageIdentity('BaseOS', 'dvd', 'iso', ['AppStream', 'CRB'])     || 'subvariant=BaseOS type=dvd format=iso additional_variants=AppStream,CRB'
        new ImageIdentity('Workstation Lite', 'live', 'iso')                || 'subvariant=Workstation Lite type=live format=iso'
    }

    def "only a disc that carries other variants is unified"() {
        expect:
        new ImageIdentity('BaseOS', 'dvd', 'iso', ['AppStream']).unified()
        !new ImageIdentity('BaseOS', 'boot', 'iso').unified()
    }

    def "a #format image of variant #variant is productmd type #type, format #productmdFormat"() {
        expect:
        CloudImageTypes.of(format, variant).get() == new CloudImageTypes.TypeAndFormat(type, productmdFormat)

        where:
        format   | variant   || type                    | productmdFormat
        'qcow2'  | 'Base'    || 'qcow2'                 | 'qcow2'
        'vhd'    | 'LVM'     || 'vpc'                   | 'vhd'
        'tar.xz' | 'UBI'     || 'container'             | 'tar.xz'
        'raw.xz' | ''        || 'raw-xz'                | 'raw.xz'
        'wsl'    | 'Base'    || 'wsl2'                  | 'wsl'
        'box'    | 'Libvirt' || 'vagrant-libvirt'       | 'vagrant-libvirt.box'
        'box'    | 'Vbox'    || 'vagrant-virtualbox'    | 'vagrant-virtualbox.box'
        'box'    | 'VMware'  || 'vagrant-vmware-fusion' | 'vagrant-vmware-fusion.box'
    }

    def "a format productmd has no type for, or a box of an unknown provider, has none"() {
        expect:
        CloudImageTypes.of('zip', 'Base').isEmpty()
        CloudImageTypes.of('box', 'Parallels').isEmpty()
    }

    def "a disc's volume id, implanted MD5 and El Torito boot record are read from its volume descriptors"() {
        given:
        Path iso = disc('Rocky-9-7-x86_64-dvd', 'ISO MD5SUM = 0cad2a691b301af18d7d59d59ba07ae5;SKIPSECTORS = 15;', true)
        Path plain = disc('DATA', '', false)

        expect:
        IsoVolume.volumeId(iso) == 'Rocky-9-7-x86_64-dvd'
        IsoVolume.implantedMd5(iso) == '0cad2a691b301af18d7d59d59ba07ae5'
        IsoVolume.bootable(iso)
        IsoVolume.implantedMd5(plain) == null
        !IsoVolume.bootable(plain)
    }

    def "a file without an ISO 9660 primary volume descriptor is refused"() {
        given:
        Path file = Files.write(dir.resolve('not.iso'), new byte[40000])

        when:
        IsoVolume.volumeId(file)

        then:
        def e = thrown(IOException)
        e.message == "$file has no ISO 9660 primary volume descriptor".toString()
    }

    /** Sectors 16 on: the primary volume descriptor, an El Torito boot record if asked, the terminator. */
    private Path disc(String volumeId, String applicationUse, boolean boot) {
        byte[] bytes = IsoHeaders.bytes(volumeId, applicationUse, boot)
        Files.write(dir.resolve("${volumeId}.iso"), bytes)
    }
}
