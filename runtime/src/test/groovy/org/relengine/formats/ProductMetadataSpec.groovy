package org.relengine.formats

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.security.MessageDigest
import java.util.zip.GZIPOutputStream
import spock.lang.Specification
import spock.lang.TempDir

/**
 * composeinfo.json, images.json and rpms.json of a tiny compose made in a temp dir: productmd 1.2, keys
 * sorted, 4-space indent, paths relative to compose/ and only of what the compose holds. Repodata is written
 * by hand, so no RPM is needed; discs are a few ISO 9660 volume descriptors.
 */
class ProductMetadataSpec extends Specification {

    static final long MTIME = 1762875753L

    @TempDir
    Path compose

    ProductMetadata.Compose tiny(Map<String, List<String>> variants, Map<String, ImageIdentity> images = [:],
                                 String id = 'Rocky-9.7-20251111.0', boolean isFinal = false) {
        new ProductMetadata.Compose(compose, id, id.substring(id.lastIndexOf('-') + 1), 'Rocky Linux', 'Rocky', '9.7',
                'ga', isFinal, 'BaseOS', variants, images)
    }

    void dirs(String... paths) {
        paths.each { Files.createDirectories(compose.resolve(it)) }
    }

    def "composeinfo lists, per variant and arch, only the trees the compose holds; isos and images under their owner"() {
        given:
        dirs('BaseOS/x86_64/os/Packages', 'BaseOS/x86_64/debug/tree/Packages', 'BaseOS/source/tree/Packages',
                'isos/x86_64', 'images/x86_64', 'AppStream/x86_64/os')

        expect:
        ProductMetadata.composeinfo(tiny([BaseOS: ['x86_64'], AppStream: ['x86_64']])) == '''\
{
    "header": {
        "type": "productmd.composeinfo",
        "version": "1.2"
    },
    "payload": {
        "compose": {
            "date": "20251111",
            "final": false,
            "id": "Rocky-9.7-20251111.0",
            "respin": 0,
            "type": "production"
        },
        "release": {
            "internal": false,
            "is_layered": false,
            "name": "Rocky Linux",
            "short": "Rocky",
            "type": "ga",
            "version": "9.7"
        },
        "variants": {
            "AppStream": {
                "arches": [
                    "x86_64"
                ],
                "id": "AppStream",
                "name": "AppStream",
                "paths": {
                    "os_tree": {
                        "x86_64": "AppStream/x86_64/os"
                    },
                    "repository": {
                        "x86_64": "AppStream/x86_64/os"
                    }
                },
                "type": "variant",
                "uid": "AppStream"
            },
            "BaseOS": {
                "arches": [
                    "x86_64"
                ],
                "id": "BaseOS",
                "name": "BaseOS",
                "paths": {
                    "debug_packages": {
                        "x86_64": "BaseOS/x86_64/debug/tree/Packages"
                    },
                    "debug_repository": {
                        "x86_64": "BaseOS/x86_64/debug/tree"
                    },
                    "debug_tree": {
                        "x86_64": "BaseOS/x86_64/debug/tree"
                    },
                    "images": {
                        "x86_64": "images/x86_64"
                    },
                    "isos": {
                        "x86_64": "isos/x86_64"
                    },
                    "os_tree": {
                        "x86_64": "BaseOS/x86_64/os"
                    },
                    "packages": {
                        "x86_64": "BaseOS/x86_64/os/Packages"
                    },
                    "repository": {
                        "x86_64": "BaseOS/x86_64/os"
                    },
                    "source_packages": {
                        "x86_64": "BaseOS/source/tree/Packages"
                    },
                    "source_repository": {
                        "x86_64": "BaseOS/source/tree"
                    },
                    "source_tree": {
                        "x86_64": "BaseOS/source/tree"
                    }
                },
                "type": "variant",
                "uid": "BaseOS"
            }
        }
    }
}
'''
    }

    def "a variant's arches are sorted, and an arch whose trees are missing has no paths"() {
        given:
        dirs('BaseOS/x86_64/os', 'BaseOS/source/tree')

        when:
        def variant = json(ProductMetadata.composeinfo(tiny([BaseOS: ['x86_64', 'aarch64']]))).payload.variants.BaseOS

        then:
        variant.arches == ['aarch64', 'x86_64']
        variant.paths == [os_tree: [x86_64: 'BaseOS/x86_64/os'], repository: [x86_64: 'BaseOS/x86_64/os'],
                          source_repository: [aarch64: 'BaseOS/source/tree', x86_64: 'BaseOS/source/tree'],
                          source_tree: [aarch64: 'BaseOS/source/tree', x86_64: 'BaseOS/source/tree']]
    }

    def "compose #id of date #date is respin #respin, final #isFinal"() {
        expect:
        json(ProductMetadata.composeinfo(tiny([:], [:], id, isFinal))).payload.compose ==
                [date: '20251111', final: isFinal, id: id, respin: respin, type: 'production']

        where:
        id                             | isFinal || respin
        'Rocky-9.7-20251111.0'         | false   || 0
        'Rocky-9.7-20251111.154233'    | true    || 154233
        'Rocky-9.7-20251111.n.2'       | false   || 2
        'Rocky-9.7-20251111'           | false   || 0
        date = '20251111'
    }

    def "images.json records each image's file with what its volume descriptors say, sorted by path, never an alias link"() {
        given:
        Path dvd = disc('isos/x86_64/Rocky-9.7-x86_64-dvd.iso', 'Rocky-9-7-x86_64-dvd',
                'ISO MD5SUM = 0cad2a691b301af18d7d59d59ba07ae5;SKIPSECTORS = 15;', true)
        Path boot = disc('isos/x86_64/Rocky-9.7-x86_64-boot.iso', 'Rocky-9-7-x86_64-boot', '', false)
        Files.createSymbolicLink(compose.resolve('isos/x86_64/Rocky-9-latest-x86_64-dvd.iso'), dvd.fileName)
        Path qcow2 = file('images/x86_64/Rocky-9-GenericCloud-Base-9.7-20251111.0.x86_64.qcow2', 'qcow2 bytes')
        Files.createSymbolicLink(compose.resolve('images/x86_64/Rocky-9-GenericCloud-Base.latest.x86_64.qcow2'),
                qcow2.fileName)
        def images = [
                'isos/x86_64/Rocky-*-x86_64-dvd.iso'                   : new ImageIdentity('BaseOS', 'dvd', 'iso', ['AppStream']),
                'isos/x86_64/Rocky-*-x86_64-boot.iso'                  : new ImageIdentity('BaseOS', 'boot', 'iso'),
                'images/x86_64/Rocky-9-GenericCloud-Base-*.x86_64.qcow2': new ImageIdentity('GenericCloud-Base', 'qcow2', 'qcow2')]

        expect:
        ProductMetadata.images(tiny([BaseOS: ['x86_64']], images)) == """\
{
    "header": {
        "type": "productmd.images",
        "version": "1.2"
    },
    "payload": {
        "compose": {
            "date": "20251111",
            "final": false,
            "id": "Rocky-9.7-20251111.0",
            "respin": 0,
            "type": "production"
        },
        "images": {
            "BaseOS": {
                "x86_64": [
                    {
                        "arch": "x86_64",
                        "bootable": false,
                        "checksums": {
                            "sha256": "${sha256(qcow2)}"
                        },
                        "disc_count": 1,
                        "disc_number": 1,
                        "format": "qcow2",
                        "implant_md5": null,
                        "mtime": 1762875753,
                        "path": "images/x86_64/Rocky-9-GenericCloud-Base-9.7-20251111.0.x86_64.qcow2",
                        "size": 11,
                        "subvariant": "GenericCloud-Base",
                        "type": "qcow2",
                        "volume_id": null
                    },
                    {
                        "arch": "x86_64",
                        "bootable": false,
                        "checksums": {
                            "sha256": "${sha256(boot)}"
                        },
                        "disc_count": 1,
                        "disc_number": 1,
                        "format": "iso",
                        "implant_md5": null,
                        "mtime": 1762875753,
                        "path": "isos/x86_64/Rocky-9.7-x86_64-boot.iso",
                        "size": 36864,
                        "subvariant": "BaseOS",
                        "type": "boot",
                        "volume_id": "Rocky-9-7-x86_64-boot"
                    },
                    {
                        "additional_variants": [
                            "AppStream"
                        ],
                        "arch": "x86_64",
                        "bootable": true,
                        "checksums": {
                            "sha256": "${sha256(dvd)}"
                        },
                        "disc_count": 1,
                        "disc_number": 1,
                        "format": "iso",
                        "implant_md5": "0cad2a691b301af18d7d59d59ba07ae5",
                        "mtime": 1762875753,
                        "path": "isos/x86_64/Rocky-9.7-x86_64-dvd.iso",
                        "size": 38912,
                        "subvariant": "BaseOS",
                        "type": "dvd",
                        "unified": true,
                        "volume_id": "Rocky-9-7-x86_64-dvd"
                    }
                ]
            }
        }
    }
}
""".toString()
    }

    def "an image the compose lacks (a failable task that failed) is left out, and with none there is no variant"() {
        given:
        file('images/aarch64/Rocky-9-Container-Base-9.7-20251111.0.aarch64.tar.xz', 'tar')
        def images = [
                'images/aarch64/Rocky-9-Container-Base-*.aarch64.tar.xz': new ImageIdentity('Container-Base', 'container', 'tar.xz'),
                'images/x86_64/Rocky-9-Container-Base-*.x86_64.tar.xz'  : new ImageIdentity('Container-Base', 'container', 'tar.xz'),
                'live/x86_64/Rocky-9-Workstation-*.x86_64.iso'          : new ImageIdentity('Workstation', 'live', 'iso')]

        expect:
        json(ProductMetadata.images(tiny([BaseOS: ['x86_64', 'aarch64']], images))).payload.images.BaseOS.collectEntries {
            arch, list -> [arch, list*.path]
        } == [aarch64: ['images/aarch64/Rocky-9-Container-Base-9.7-20251111.0.aarch64.tar.xz']]
        json(ProductMetadata.images(tiny([BaseOS: ['x86_64']], images.findAll { it.key.contains('x86_64') })))
                .payload.images == [:]
    }

    def "two files for one image are refused, naming both, since productmd refuses two images of one identity"() {
        given:
        file('images/x86_64/Rocky-9-GenericCloud-Base-9.7-20251111.0.x86_64.qcow2', 'a')
        file('images/x86_64/Rocky-9-GenericCloud-Base-9.7-20251112.0.x86_64.qcow2', 'b')
        def images = ['images/x86_64/Rocky-9-GenericCloud-Base-*.x86_64.qcow2': new ImageIdentity('GenericCloud-Base', 'qcow2', 'qcow2')]

        when:
        ProductMetadata.images(tiny([BaseOS: ['x86_64']], images))

        then:
        def e = thrown(IOException)
        e.message == 'images.json: 2 files match images/x86_64/Rocky-9-GenericCloud-Base-*.x86_64.qcow2 ' +
                '([Rocky-9-GenericCloud-Base-9.7-20251111.0.x86_64.qcow2, Rocky-9-GenericCloud-Base-9.7-20251112.0.x86_64.qcow2]); ' +
                'productmd refuses two images that share subvariant=GenericCloud-Base type=qcow2 format=qcow2 on x86_64'
    }

    def "a pattern without a star names one file exactly; a file that only starts and ends like it is not it"() {
        given:
        file('images/x86_64/Rocky-9-UBI.x86_64.tar.xz', 'ubi')
        file('images/x86_64/Rocky-9-UBI-Init.x86_64.tar.xz', 'init')
        def images = ['images/x86_64/Rocky-9-UBI.x86_64.tar.xz': new ImageIdentity('UBI', 'container', 'tar.xz')]

        expect:
        json(ProductMetadata.images(tiny([BaseOS: ['x86_64']], images))).payload.images.BaseOS.x86_64*.path ==
                ['images/x86_64/Rocky-9-UBI.x86_64.tar.xz']
    }

    def "rpms.json files every package of the os, debug and source trees under its source package's NEVRA, epoch always written"() {
        given:
        repo('BaseOS/x86_64/os', true, [
                pkg('bash', '0', '5.1.8', '9.el9', 'x86_64', 'Packages/b/bash-5.1.8-9.el9.x86_64.rpm', 'bash-5.1.8-9.el9.src.rpm'),
                pkg('vim-minimal', '2', '8.2.2637', '20.el9_1', 'x86_64', 'Packages/v/vim-minimal-8.2.2637-20.el9_1.x86_64.rpm', 'vim-8.2.2637-20.el9_1.src.rpm'),
                pkg('tzdata', '', '2025b', '1.el9', 'noarch', 'Packages/t/tzdata-2025b-1.el9.noarch.rpm', 'tzdata-2025b-1.el9.src.rpm')])
        repo('BaseOS/x86_64/debug/tree', false, [
                pkg('bash-debuginfo', '0', '5.1.8', '9.el9', 'x86_64', 'Packages/b/bash-debuginfo-5.1.8-9.el9.x86_64.rpm', 'bash-5.1.8-9.el9.src.rpm')])
        repo('BaseOS/source/tree', true, [
                pkg('bash', '0', '5.1.8', '9.el9', 'src', 'Packages/b/bash-5.1.8-9.el9.src.rpm', '')])

        expect:
        ProductMetadata.rpms(tiny([BaseOS: ['x86_64']])) == '''\
{
    "header": {
        "type": "productmd.rpms",
        "version": "1.2"
    },
    "payload": {
        "compose": {
            "date": "20251111",
            "final": false,
            "id": "Rocky-9.7-20251111.0",
            "respin": 0,
            "type": "production"
        },
        "rpms": {
            "BaseOS": {
                "x86_64": {
                    "bash-0:5.1.8-9.el9.src": {
                        "bash-0:5.1.8-9.el9.src": {
                            "category": "source",
                            "path": "BaseOS/source/tree/Packages/b/bash-5.1.8-9.el9.src.rpm",
                            "sigkey": null
                        },
                        "bash-0:5.1.8-9.el9.x86_64": {
                            "category": "binary",
                            "path": "BaseOS/x86_64/os/Packages/b/bash-5.1.8-9.el9.x86_64.rpm",
                            "sigkey": null
                        },
                        "bash-debuginfo-0:5.1.8-9.el9.x86_64": {
                            "category": "debug",
                            "path": "BaseOS/x86_64/debug/tree/Packages/b/bash-debuginfo-5.1.8-9.el9.x86_64.rpm",
                            "sigkey": null
                        }
                    },
                    "tzdata-0:2025b-1.el9.src": {
                        "tzdata-0:2025b-1.el9.noarch": {
                            "category": "binary",
                            "path": "BaseOS/x86_64/os/Packages/t/tzdata-2025b-1.el9.noarch.rpm",
                            "sigkey": null
                        }
                    },
                    "vim-2:8.2.2637-20.el9_1.src": {
                        "vim-minimal-2:8.2.2637-20.el9_1.x86_64": {
                            "category": "binary",
                            "path": "BaseOS/x86_64/os/Packages/v/vim-minimal-8.2.2637-20.el9_1.x86_64.rpm",
                            "sigkey": null
                        }
                    }
                }
            }
        }
    }
}
'''
    }

    def "a variant or arch without repodata is left out of rpms.json, and a tree without repomd.xml is not read"() {
        given:
        repo('AppStream/aarch64/os', false, [
                pkg('nginx', '2', '1.20.1', '22.el9', 'aarch64', 'Packages/n/nginx-1.20.1-22.el9.aarch64.rpm', 'nginx-1.20.1-22.el9.src.rpm')])
        dirs('AppStream/x86_64/os/repodata', 'BaseOS/x86_64/os/Packages')

        expect:
        json(ProductMetadata.rpms(tiny([BaseOS: ['x86_64'], AppStream: ['x86_64', 'aarch64']]))).payload.rpms ==
                [AppStream: [aarch64: ['nginx-2:1.20.1-22.el9.src': ['nginx-2:1.20.1-22.el9.aarch64': [
                        category: 'binary', path: 'AppStream/aarch64/os/Packages/n/nginx-1.20.1-22.el9.aarch64.rpm',
                        sigkey: null]]]]]
    }

    def "repodata that is not XML is refused, naming the tree"() {
        given:
        Path tree = compose.resolve('BaseOS/x86_64/os')
        dirs('BaseOS/x86_64/os/repodata')
        Files.writeString(tree.resolve('repodata/repomd.xml'), 'not xml')

        when:
        ProductMetadata.rpms(tiny([BaseOS: ['x86_64']]))

        then:
        def e = thrown(IOException)
        e.message.startsWith("cannot read the repodata of $tree: ")
    }

    def "a repomd.xml with a DOCTYPE is refused, so no entity it declares is read"() {
        given:
        Path tree = compose.resolve('BaseOS/x86_64/os')
        dirs('BaseOS/x86_64/os/repodata')
        Files.writeString(tree.resolve('repodata/repomd.xml'),
                '<?xml version="1.0"?><!DOCTYPE repomd [<!ENTITY x SYSTEM "file:///etc/passwd">]><repomd>&x;</repomd>')

        when:
        ProductMetadata.rpms(tiny([BaseOS: ['x86_64']]))

        then:
        def e = thrown(IOException)
        e.message.startsWith("cannot read the repodata of $tree: ")
        e.message.contains('DOCTYPE')
    }

    def "source rpm file #file of epoch #epoch is NEVRA #nevra"() {
        expect:
        ProductMetadata.sourceNevra(file, epoch) == nevra

        where:
        file                                    | epoch || nevra
        'bash-5.1.8-9.el9.src.rpm'              | '0'   || 'bash-0:5.1.8-9.el9.src'
        'python3.11-pip-22.3.1-4.el9.src.rpm'   | '0'   || 'python3.11-pip-0:22.3.1-4.el9.src'
        'vim-8.2.2637-20.el9_1.src.rpm'         | '2'   || 'vim-2:8.2.2637-20.el9_1.src'
        'odd.src.rpm'                           | '0'   || 'odd.src'
        'odd-1.src.rpm'                         | '0'   || 'odd-1.src'
    }

    // --- a tiny compose on disk ---

    private Path file(String relative, String content) {
        Path file = compose.resolve(relative)
        Files.createDirectories(file.parent)
        Files.writeString(file, content)
        Files.setLastModifiedTime(file, FileTime.fromMillis(MTIME * 1000))
        file
    }

    private static String sha256(Path file) {
        HexFormat.of().formatHex(MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)))
    }

    private static Object json(String text) {
        new ObjectMapper().readValue(text, Map)
    }

    private static String pkg(String name, String epoch, String ver, String rel, String arch, String location,
                              String sourceRpm) {
        """<package type="rpm"><name>$name</name><arch>$arch</arch>""" +
                """<version epoch="$epoch" ver="$ver" rel="$rel"/><location href="$location"/>""" +
                """<format><rpm:license>GPLv3+</rpm:license><rpm:sourcerpm>$sourceRpm</rpm:sourcerpm></format></package>"""
    }

    /** repodata/repomd.xml naming a primary.xml, gzipped or not, that lists the packages. */
    private void repo(String tree, boolean gzip, List<String> packages) {
        Path repodata = compose.resolve(tree).resolve('repodata')
        Files.createDirectories(repodata)
        String name = gzip ? '1a2b-primary.xml.gz' : '1a2b-primary.xml'
        Files.writeString(repodata.resolve('repomd.xml'), """<?xml version="1.0" encoding="UTF-8"?>
<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
  <revision>9.7</revision>
  <data type="filelists"><location href="repodata/3c4d-filelists.xml.gz"/></data>
  <data type="primary"><location href="repodata/$name"/></data>
</repomd>
""")
        byte[] primary = ("""<?xml version="1.0" encoding="UTF-8"?>
<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="${packages.size()}">
${packages.join('\n')}
</metadata>
""").getBytes(StandardCharsets.UTF_8)
        if (gzip) {
            def bytes = new ByteArrayOutputStream()
            new GZIPOutputStream(bytes).withCloseable { it.write(primary) }
            primary = bytes.toByteArray()
        }
        Files.write(repodata.resolve(name), primary)
    }

    /** Sectors 16 on: a primary volume descriptor, an El Torito boot record if asked, the terminator. */
    private Path disc(String relative, String volumeId, String applicationUse, boolean boot) {
        byte[] bytes = IsoHeaders.bytes(volumeId, applicationUse, boot)
        Path file = compose.resolve(relative)
        Files.createDirectories(file.parent)
        Files.write(file, bytes)
        Files.setLastModifiedTime(file, FileTime.fromMillis(MTIME * 1000))
        file
    }
}
