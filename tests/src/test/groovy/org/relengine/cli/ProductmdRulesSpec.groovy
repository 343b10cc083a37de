package org.relengine.cli

import static org.relengine.cli.ProductmdRules.*

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * The rules of productmd's source (productmd/common.py, composeinfo.py, images.py, rpms.py) checked on the
 * demo's metadata, since productmd itself cannot run here. The demo composes the real recipes/rocky9.groovy
 * once; each rule is checked on its composeinfo.json, images.json and rpms.json and the files they name,
 * and on a doctored copy that breaks the rule, to show that the check can fail.
 */
class ProductmdRulesSpec extends Specification {

    static final String DVD = 'isos/x86_64/Rocky-9.7-x86_64-dvd.iso'
    static final String BOOT = 'isos/x86_64/Rocky-9.7-x86_64-boot.iso'
    static final String AZURE_BASE = 'images/x86_64/Rocky-9-Azure-Base-9.7-20251111.0.x86_64.vhd'
    static final String AZURE_LVM = 'images/x86_64/Rocky-9-Azure-LVM-9.7-20251111.0.x86_64.vhd'
    static final String GENERIC_CLOUD = 'images/x86_64/Rocky-9-GenericCloud-Base-9.7-20251111.0.x86_64.qcow2'
    static final String LIBVIRT_BOX = 'images/x86_64/Rocky-9-Vagrant-Libvirt-9.7-20251111.0.x86_64.box'
    static final String BASEOS_RPM = 'demo-baseos-0:1.0-1.el9.x86_64'
    static final String BASEOS_DEBUG_RPM = 'demo-baseos-debuginfo-0:1.0-1.el9.x86_64'

    /** Each rule: what it says → its check on the metadata, one line per finding. */
    static final Map<String, Closure<List<String>>> RULES = [
            'composeinfo.json has the header productmd.composeinfo 1.2'                                   : { ComposeMetadata m -> header(m.info, 'composeinfo') },
            'images.json has the header productmd.images 1.2'                                             : { ComposeMetadata m -> header(m.images, 'images') },
            'rpms.json has the header productmd.rpms 1.2'                                                 : { ComposeMetadata m -> header(m.rpms, 'rpms') },
            'composeinfo.json: the compose id, date, type, respin and label are valid'                    : { ComposeMetadata m -> composeSection(m.info, 'composeinfo') },
            'images.json: the compose id, date, type, respin and label are valid'                         : { ComposeMetadata m -> composeSection(m.images, 'images') },
            'rpms.json: the compose id, date, type, respin and label are valid'                           : { ComposeMetadata m -> composeSection(m.rpms, 'rpms') },
            'the compose date, type and respin are what productmd reads out of the compose id'            : { ComposeMetadata m -> composeIdParts(m.info, 'composeinfo') + composeIdParts(m.images, 'images') + composeIdParts(m.rpms, 'rpms') },
            'images.json and rpms.json describe the compose composeinfo.json does'                        : { ComposeMetadata m -> sameCompose(m) },
            'every image has each field Image.deserialize reads, and its format'                          : { ComposeMetadata m -> imageFields(m) },
            'every image field has a type Image.validate accepts'                                         : { ComposeMetadata m -> imageValueTypes(m) },
            'every image type and format is supported, the format one of its type'                       : { ComposeMetadata m -> imageTypesAndFormats(m) },
            'images are listed under binary RPM arches, each under its own arch'                          : { ComposeMetadata m -> imageArches(m) },
            'no two images share all UNIQUE_IMAGE_ATTRIBUTES'                                             : { ComposeMetadata m -> uniqueImages(m) },
            'images are listed under a variant of composeinfo.json'                                       : { ComposeMetadata m -> imageVariants(m) },
            'every image path is the image file, relative to compose/'                                    : { ComposeMetadata m -> imagePaths(m) },
            'every image size is its file\'s size'                                                        : { ComposeMetadata m -> imageSizes(m) },
            'every image mtime is its file\'s modification time'                                          : { ComposeMetadata m -> imageMtimes(m) },
            'every image checksum is the sha256 of its file'                                              : { ComposeMetadata m -> imageChecksums(m) },
            'a disc\'s volume_id is the one it carries, and other images have none'                       : { ComposeMetadata m -> imageVolumeIds(m) },
            'a disc\'s implant_md5 is what checkisomd5 reads, and other images have none'                 : { ComposeMetadata m -> imageImplantMd5s(m) },
            'an image is bootable exactly when it is a disc with El Torito boot records'                  : { ComposeMetadata m -> imageBootable(m) },
            'a cloud image\'s subvariant names its cloud variant as Rocky does, a disc\'s its variant'     : { ComposeMetadata m -> imageSubvariants(m, 'Rocky-9-', '9.7') },
            'composeinfo.json: the release\'s fields are what productmd accepts'                          : { ComposeMetadata m -> release(m) },
            'composeinfo.json: each variant\'s key, id, uid, name, type and arches are valid'             : { ComposeMetadata m -> variants(m) },
            'composeinfo.json: variant paths are VariantPaths categories on the variant\'s arches, directories relative to compose/': { ComposeMetadata m -> variantPaths(m) },
            'rpms.json: packages are listed under binary arches of their variant'                         : { ComposeMetadata m -> rpmArches(m) },
            'rpms.json: every N-E:V-R.A key has an epoch and parses back unchanged, SRPM keys of source arches': { ComposeMetadata m -> nevras(m) },
            'rpms.json: categories are binary, debug or source, source for SRPMs under their own N-E:V-R.A': { ComposeMetadata m -> categories(m) },
            'rpms.json: every path is the RPM of its N-E:V-R.A, relative to compose/'                     : { ComposeMetadata m -> rpmPaths(m) },
            'rpms.json: every sigkey is null or lower case'                                               : { ComposeMetadata m -> sigkeys(m) },
    ]

    /** For each rule, a copy of the metadata that breaks it and the one finding its check must report. */
    static final List<List> CAUGHT = [
            ['composeinfo.json has the header productmd.composeinfo 1.2', { ComposeMetadata m -> m.info.header.version = '1.1' },
             'composeinfo.json: header.version is 1.1, not 1.2'],
            ['images.json has the header productmd.images 1.2', { ComposeMetadata m -> m.images.header.type = 'productmd.rpms' },
             'images.json: header.type is productmd.rpms, not productmd.images'],
            ['rpms.json has the header productmd.rpms 1.2', { ComposeMetadata m -> m.rpms.header.version = '1' },
             'rpms.json: header.version 1 is not digits.digits'],
            ['composeinfo.json: the compose id, date, type, respin and label are valid', { ComposeMetadata m -> m.info.payload.compose.type = 'release' },
             'composeinfo.json: payload.compose.type release is not one of COMPOSE_TYPES'],
            ['images.json: the compose id, date, type, respin and label are valid', { ComposeMetadata m -> m.images.payload.compose.date = '2025-11-11' },
             'images.json: payload.compose.date 2025-11-11 is not YYYYMMDD'],
            ['rpms.json: the compose id, date, type, respin and label are valid', { ComposeMetadata m -> m.rpms.payload.compose.label = 'GA' },
             'rpms.json: payload.compose.label GA is not <label name>-<int>.<int>'],
            ['the compose date, type and respin are what productmd reads out of the compose id',
             { ComposeMetadata m -> m.info.payload.compose.putAll(id: 'Rocky-9.7-20251111.2', date: '20251111', respin: 0) },
             'composeinfo.json: payload.compose.respin is 0, but productmd reads 2 from the id Rocky-9.7-20251111.2'],
            ['images.json and rpms.json describe the compose composeinfo.json does', { ComposeMetadata m -> m.rpms.payload.compose.respin = 7 },
             'rpms.json: payload.compose is not composeinfo.json\'s'],
            ['every image has each field Image.deserialize reads, and its format', { ComposeMetadata m -> m.image(DVD).remove('subvariant') },
             "$DVD: no subvariant"],
            ['every image field has a type Image.validate accepts', { ComposeMetadata m -> m.image(DVD).bootable = 'yes' },
             "$DVD: bootable \"yes\" is not what productmd accepts"],
            ['every image type and format is supported, the format one of its type', { ComposeMetadata m -> m.image(LIBVIRT_BOX).format = 'box' },
             "$LIBVIRT_BOX: format box is not one of SUPPORTED_IMAGE_FORMATS"],
            ['images are listed under binary RPM arches, each under its own arch', { ComposeMetadata m -> m.image(AZURE_BASE).arch = 'aarch64' },
             "$AZURE_BASE: arch aarch64 but listed under x86_64"],
            ['no two images share all UNIQUE_IMAGE_ATTRIBUTES', { ComposeMetadata m -> m.image(AZURE_LVM).subvariant = 'Azure-Base' },
             "$AZURE_LVM shares all UNIQUE_IMAGE_ATTRIBUTES with $AZURE_BASE"],
            ['images are listed under a variant of composeinfo.json', { ComposeMetadata m -> m.images.payload.images.Cloud = m.images.payload.images.remove('BaseOS') },
             'images.json: Cloud is not a variant of composeinfo.json'],
            ['every image path is the image file, relative to compose/', { ComposeMetadata m -> m.image(DVD).path = 'isos/x86_64/Rocky-x86_64-dvd.iso' },
             'isos/x86_64/Rocky-x86_64-dvd.iso: not a file relative to compose/'],
            ['every image size is its file\'s size', { ComposeMetadata m -> m.image(DVD)['size'] += 1 },
             "$DVD: size is not the file's size"],
            ['every image mtime is its file\'s modification time', { ComposeMetadata m -> m.image(DVD).mtime -= 60 },
             "$DVD: mtime is not the file's modification time"],
            ['every image checksum is the sha256 of its file', { ComposeMetadata m -> m.image(GENERIC_CLOUD).checksums.sha256 = '0' * 64 },
             "$GENERIC_CLOUD: sha256 is not the file's"],
            ['a disc\'s volume_id is the one it carries, and other images have none', { ComposeMetadata m -> m.image(BOOT).volume_id = 'Rocky-9-7-x86_64-boot' },
             "$BOOT: volume_id Rocky-9-7-x86_64-boot is not the disc's"],
            ['a disc\'s implant_md5 is what checkisomd5 reads, and other images have none', { ComposeMetadata m -> m.image(DVD).implant_md5 = '0' * 32 },
             "$DVD: implant_md5 ${'0' * 32} is not what checkisomd5 reads"],
            ['an image is bootable exactly when it is a disc with El Torito boot records', { ComposeMetadata m -> m.image(GENERIC_CLOUD).bootable = true },
             "$GENERIC_CLOUD: bootable true, but it has no El Torito boot records"],
            ['a cloud image\'s subvariant names its cloud variant as Rocky does, a disc\'s its variant', { ComposeMetadata m -> m.image(AZURE_LVM).subvariant = 'BaseOS' },
             "$AZURE_LVM: subvariant BaseOS, not Azure-LVM"],
            ['composeinfo.json: the release\'s fields are what productmd accepts', { ComposeMetadata m -> m.info.payload.release.type = 'GA' },
             'composeinfo.json: release.type "GA" is not what productmd accepts'],
            ['composeinfo.json: each variant\'s key, id, uid, name, type and arches are valid', { ComposeMetadata m -> m.info.payload.variants.BaseOS.type = 'main' },
             'composeinfo.json: variant BaseOS: type main is not one of VARIANT_TYPES'],
            ['composeinfo.json: variant paths are VariantPaths categories on the variant\'s arches, directories relative to compose/',
             { ComposeMetadata m -> m.info.payload.variants.BaseOS.paths.kickstart_tree = [x86_64: 'BaseOS/x86_64/kickstart'] },
             'composeinfo.json: variant BaseOS: paths.kickstart_tree is not a VariantPaths category'],
            ['rpms.json: packages are listed under binary arches of their variant', { ComposeMetadata m -> m.rpms.payload.rpms.BaseOS.src = m.rpms.payload.rpms.BaseOS.x86_64 },
             'rpms.json: BaseOS lists packages under src, which productmd refuses'],
            ['rpms.json: every N-E:V-R.A key has an epoch and parses back unchanged, SRPM keys of source arches',
             { ComposeMetadata m -> def rpms = baseosRpms(m); rpms['demo-baseos-1.0-1.el9.x86_64'] = rpms.remove(BASEOS_RPM) },
             'rpms.json: demo-baseos-1.0-1.el9.x86_64 is not an N-E:V-R.A productmd writes back unchanged'],
            ['rpms.json: categories are binary, debug or source, source for SRPMs under their own N-E:V-R.A',
             { ComposeMetadata m -> baseosRpms(m)[BASEOS_DEBUG_RPM].category = 'debuginfo' },
             "rpms.json: $BASEOS_DEBUG_RPM: category debuginfo is not one of SUPPORTED_CATEGORIES"],
            ['rpms.json: every path is the RPM of its N-E:V-R.A, relative to compose/',
             { ComposeMetadata m -> baseosRpms(m)[BASEOS_RPM].path = '/BaseOS/x86_64/os/Packages/d/demo-baseos-1.0-1.el9.x86_64.rpm' },
             "rpms.json: $BASEOS_RPM: path /BaseOS/x86_64/os/Packages/d/demo-baseos-1.0-1.el9.x86_64.rpm is not its RPM relative to compose/"],
            ['rpms.json: every sigkey is null or lower case', { ComposeMetadata m -> baseosRpms(m)[BASEOS_RPM].sigkey = 'FD431D51' },
             "rpms.json: $BASEOS_RPM: sigkey FD431D51 is neither null nor lower case"],
    ]

    @Shared Path out = Files.createTempDirectory('relengine-productmd')
    @Shared Cli.Result demo
    @Shared Path composeDir
    @Shared ComposeMetadata metadata

    def setupSpec() {
        demo = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--out', out.toString(),
                '--recipe', Cli.RECIPES.resolve('rocky9.groovy').toString())
        composeDir = out.resolve('compose/9/latest-Rocky-9')
        assert Files.isRegularFile(composeDir.resolve('compose/metadata/images.json')):
                "the demo wrote no metadata:\n${demo.stdout.readLines().takeRight(40).join('\n')}\n${demo.stderr}"
        metadata = ComposeMetadata.read(composeDir.resolve('compose'))
    }

    static Map baseosRpms(ComposeMetadata m) {
        m.rpms.payload.rpms.BaseOS.x86_64['demo-baseos-0:1.0-1.el9.src'] as Map
    }

    def "the demo composes rocky9 through finalize, which writes composeinfo.json, images.json and rpms.json"() {
        expect: 'finalize done, whatever the publish steps after it do (they need tools, such as mktorrent, that the metadata does not)'
        demo.stackTraceMarkers == []
        Files.readAllLines(composeDir.resolve('work/journal')).any { it.contains('"task":"finalize","state":"done"') }
        ['composeinfo.json', 'images.json', 'rpms.json'].every {
            Files.isRegularFile(composeDir.resolve("compose/metadata/$it"))
        }
    }

    def "productmd's rule holds for the demo: #rule"() {
        when:
        List<String> findings = RULES[rule](metadata)

        then:
        findings == []

        where:
        rule << RULES.keySet()
    }

    def "the check that #rule reports a copy that breaks it: #finding"() {
        when:
        List<String> findings = RULES[rule](metadata.doctored(doctor))

        then:
        findings == [finding.toString()]

        where:
        [rule, doctor, finding] << CAUGHT
    }

    def "every rule has a copy that breaks it, so that no check passes for want of looking"() {
        expect:
        CAUGHT.collect { it[0] } == RULES.keySet() as List
    }

    def "an image listed twice with the same checksums is one image to productmd, not two that clash"() {
        when:
        def twice = metadata.doctored { ComposeMetadata m -> m.images.payload.images.BaseOS.x86_64 << new LinkedHashMap(m.image(AZURE_BASE)) }

        then:
        twice.imageEntries().count { it.image.path == AZURE_BASE } == 2
        uniqueImages(twice) == []
    }

    def "images.json lists the boot ISO, the DVD and each cloud image of x86_64, by subvariant, type and format"() {
        when:
        def listed = metadata.imageEntries().findAll { it.arch == 'x86_64' }.collect {
            [it.image.subvariant, it.image.type, it.image.format, it.image.additional_variants ?: []]
        }

        then:
        metadata.images.payload.images.keySet() == ['BaseOS'] as Set
        listed as Set == [
                ['BaseOS', 'boot', 'iso', []], ['BaseOS', 'dvd', 'iso', ['AppStream']],
                ['Azure-Base', 'vpc', 'vhd', []], ['Azure-LVM', 'vpc', 'vhd', []],
                ['Container-Base', 'container', 'tar.xz', []], ['Container-Minimal', 'container', 'tar.xz', []],
                ['Container-Toolbox', 'container', 'tar.xz', []], ['Container-UBI', 'container', 'tar.xz', []],
                ['EC2-Base', 'qcow2', 'qcow2', []], ['EC2-LVM', 'qcow2', 'qcow2', []],
                ['GenericCloud-Base', 'qcow2', 'qcow2', []], ['GenericCloud-LVM', 'qcow2', 'qcow2', []],
                ['OCP-Base', 'qcow2', 'qcow2', []],
                ['Vagrant-Libvirt', 'vagrant-libvirt', 'vagrant-libvirt.box', []],
                ['Vagrant-Vbox', 'vagrant-virtualbox', 'vagrant-virtualbox.box', []],
                ['Vagrant-VMware', 'vagrant-vmware-fusion', 'vagrant-vmware-fusion.box', []],
                ['WSL-Base', 'wsl2', 'wsl', []]] as Set
        listed.size() == 17
        metadata.image(DVD).unified == true
        metadata.image('images/aarch64/Rocky-9-RPI-9.7-20251111.0.aarch64.raw.xz').subvariant == 'RPI'
    }

    def "each arch's images are in path order, as productmd writes them"() {
        expect:
        metadata.images.payload.images.BaseOS.every { arch, list -> list*.path == (list*.path).toSorted() }
    }
}
