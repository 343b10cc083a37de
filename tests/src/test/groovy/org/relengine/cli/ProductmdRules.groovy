package org.relengine.cli

import groovy.json.JsonOutput
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.regex.Matcher
import java.util.regex.Pattern

/**
 * The rules productmd's source sets for a compose's metadata (productmd/common.py, composeinfo.py,
 * images.py and rpms.py, release-engineering/productmd), for specs that cannot run productmd itself.
 * The constants are productmd's; each check returns one line per finding, and none when the rule holds.
 * Python's {@code re.match} anchors at the start only: {@link Matcher#lookingAt} does the same.
 */
final class ProductmdRules {

    /** images.py IMAGE_TYPE_FORMAT_MAPPING: SUPPORTED_IMAGE_TYPES are its keys, SUPPORTED_IMAGE_FORMATS its values. */
    static final Map<String, List<String>> IMAGE_TYPE_FORMAT_MAPPING = [
            'appx'                 : ['appx'],
            'boot'                 : ['iso'],
            'bootable-container'   : ['ociarchive'],
            'cd'                   : ['iso'],
            'container'            : ['tar.xz', 'oci', 'ociarchive'],
            'docker'               : ['tar.gz', 'tar.xz'],
            'dvd'                  : ['iso'],
            'dvd-debuginfo'        : ['iso'],
            'dvd-ostree'           : ['iso'],
            'dvd-ostree-osbuild'   : ['iso'],
            'ec2'                  : [],
            'fex'                  : ['erofs.xz', 'erofs.gz', 'erofs', 'squashfs.xz', 'squashfs.gz', 'squashfs'],
            'kvm'                  : [],
            'live'                 : [],
            'live-osbuild'         : ['iso'],
            'liveimg-squashfs'     : ['liveimg.squashfs'],
            'netinst'              : ['iso'],
            'ociarchive'           : ['ociarchive'],
            'p2v'                  : [],
            'qcow'                 : ['qcow'],
            'qcow2'                : ['qcow2'],
            'raw'                  : ['raw'],
            'raw-xz'               : ['raw.xz'],
            'rescue'               : [],
            'rhevm-ova'            : ['rhevm.ova'],
            'tar-gz'               : ['tar.gz'],
            'vagrant-hyperv'       : ['vagrant-hyperv.box'],
            'vagrant-libvirt'      : ['vagrant-libvirt.box'],
            'vagrant-virtualbox'   : ['vagrant-virtualbox.box'],
            'vagrant-vmware-fusion': ['vagrant-vmware-fusion.box'],
            'vdi'                  : ['vdi'],
            'vmdk'                 : ['vmdk'],
            'vpc'                  : ['vhd'],
            'vhd-compressed'       : ['vhd.gz', 'vhd.xz', 'vhdfixed.xz'],
            'vsphere-ova'          : ['vsphere.ova'],
            'wsl2'                 : ['tar', 'tar.gz', 'wsl'],
    ]
    static final Set<String> SUPPORTED_IMAGE_FORMATS = IMAGE_TYPE_FORMAT_MAPPING.values().flatten() as Set<String>

    /** images.py: what identifies an image across composes. */
    static final List<String> UNIQUE_IMAGE_ATTRIBUTES = ['subvariant', 'type', 'format', 'arch', 'disc_number',
                                                         'unified', 'additional_variants']

    /** Image.deserialize reads these with data[…]: a missing one is a KeyError; format alone has a default. */
    static final List<String> REQUIRED_IMAGE_FIELDS = ['path', 'mtime', 'size', 'volume_id', 'type', 'arch',
                                                       'disc_number', 'disc_count', 'checksums', 'implant_md5',
                                                       'bootable', 'subvariant']

    /** common.py RPM_ARCHES. */
    static final List<String> RPM_ARCHES = [
            'aarch64', 'alpha', 'alphaev4', 'alphaev45', 'alphaev5', 'alphaev56', 'alphaev6', 'alphaev67', 'alphaev68',
            'alphaev7', 'alphapca56', 'amd64', 'arm64', 'armhfp', 'armv5tejl', 'armv5tel', 'armv5tl', 'armv6hl',
            'armv6l', 'armv7hl', 'armv7hnl', 'armv7l', 'armv8hl', 'armv8l', 'athlon', 'geode', 'i386', 'i486', 'i586',
            'i686', 'ia32e', 'ia64', 'loongarch64', 'mips', 'mips64', 'mips64el', 'mipsel', 'ppc', 'ppc64',
            'ppc64iseries', 'ppc64le', 'ppc64p7', 'ppc64pseries', 'riscv128', 'riscv32', 'riscv64', 's390', 's390x',
            'sh3', 'sh4', 'sh4a', 'sparc', 'sparc64', 'sparc64v', 'sparcv8', 'sparcv9', 'sparcv9v', 'x86_64', 'src',
            'nosrc', 'noarch']
    static final List<String> SOURCE_ARCHES = ['src', 'nosrc']

    /** composeinfo.py COMPOSE_TYPES, LABEL_NAMES, VARIANT_TYPES; common.py RELEASE_TYPES. */
    static final List<String> COMPOSE_TYPES = ['test', 'ci', 'nightly', 'production', 'development']
    static final List<String> LABEL_NAMES = ['EA', 'DevelPhaseExit', 'InternalAlpha', 'Alpha', 'InternalSnapshot',
                                             'Beta', 'Snapshot', 'RC', 'Update', 'SecurityFix']
    static final List<String> VARIANT_TYPES = ['variant', 'optional', 'addon', 'layered-product']
    static final List<String> RELEASE_TYPES = ['fast', 'ga', 'updates', 'updates-testing', 'eus', 'aus', 'els', 'tus',
                                               'e4s']

    /** composeinfo.py VariantPaths: its _fields, and identity; any other key is not read. */
    static final List<String> VARIANT_PATHS = ['os_tree', 'packages', 'repository', 'isos', 'images', 'jigdos',
                                               'source_tree', 'source_packages', 'source_repository', 'source_isos',
                                               'source_jigdos', 'debug_tree', 'debug_packages', 'debug_repository',
                                               'identity']

    /** rpms.py SUPPORTED_CATEGORIES. */
    static final List<String> SUPPORTED_CATEGORIES = ['binary', 'debug', 'source']

    static final Pattern HEADER_VERSION = ~/^\d+\.\d+$/
    static final Pattern COMPOSE_ID = ~/.*\d{8}(\.nightly|\.n|\.ci|\.test|\.t)?(\.\d+)?/
    static final Pattern COMPOSE_DATE = ~/^\d{8}$/
    /** composeinfo.py get_date_type_respin: how productmd reads date, type and respin out of a compose id. */
    static final Pattern DATE_TYPE_RESPIN = ~/.*(?<date>\d{8})(?<type>\.[a-z]+)?(\.(?<respin>\d+))?.*/
    static final Map<String, String> COMPOSE_TYPE_SUFFIXES = [t: 'test', test: 'test', ci: 'ci', n: 'nightly',
                                                              nightly: 'nightly', d: 'development']
    static final Pattern RELEASE_VERSION = ~/^([^0-9].*|([0-9]+(\.?[0-9]+)*))$/
    static final Pattern VARIANT_ID = ~/^[a-zA-Z0-9]+$/
    static final Pattern IMPLANT_MD5 = ~/^[a-z0-9]{32}$/
    /** common.py RPM_NVRA_RE, as parse_nvra applies it. */
    static final Pattern RPM_NVRA = ~/^(.*\/)?(?<name>.*)-((?<epoch>\d+):)?(?<version>.*)-(?<release>.*)\.(?<arch>.*)$/

    private ProductmdRules() {
    }

    // ---------------------------------------------------------------- every file

    /** common.py Header: version is digits.digits, and from 1.1 on the type names the kind of file. */
    static List<String> header(Map document, String kind) {
        List<String> findings = []
        Map header = document.header as Map
        if (!(header.version instanceof String) || !HEADER_VERSION.matcher(header.version).matches()) {
            findings << "${kind}.json: header.version ${header.version} is not digits.digits".toString()
        } else if (header.version != '1.2') {
            findings << "${kind}.json: header.version is ${header.version}, not 1.2".toString()
        }
        if (header.type != "productmd.$kind".toString()) {
            findings << "${kind}.json: header.type is ${header.type}, not productmd.$kind".toString()
        }
        findings
    }

    /** composeinfo.py Compose._validate_*: id, date, type, respin, label and final. */
    static List<String> composeSection(Map document, String kind) {
        List<String> findings = []
        Map compose = document.payload.compose as Map
        String where = "${kind}.json: payload.compose"
        if (!(compose.id instanceof String) || !compose.id || !COMPOSE_ID.matcher(compose.id).lookingAt()) {
            findings << "${where}.id ${compose.id} is not a compose id".toString()
        }
        if (!(compose.date instanceof String) || !COMPOSE_DATE.matcher(compose.date).lookingAt()) {
            findings << "${where}.date ${compose.date} is not YYYYMMDD".toString()
        }
        if (!(compose.type in COMPOSE_TYPES)) {
            findings << "${where}.type ${compose.type} is not one of COMPOSE_TYPES".toString()
        }
        if (!isInt(compose.respin)) {
            findings << "${where}.respin ${compose.respin} is not an int".toString()
        }
        if (compose.label != null && !LABEL_NAMES.any { compose.label ==~ /^$it-\d+\.\d+$/ }) {
            findings << "${where}.label ${compose.label} is not <label name>-<int>.<int>".toString()
        }
        if (compose.label && !(compose.final instanceof Boolean)) {
            findings << "${where}.final ${compose.final} is not a bool".toString()
        }
        findings
    }

    /** What get_date_type_respin reads out of the id must be what the section says. */
    static List<String> composeIdParts(Map document, String kind) {
        Map compose = document.payload.compose as Map
        Matcher parts = DATE_TYPE_RESPIN.matcher(compose.id as String)
        if (!parts.lookingAt()) {
            return ["${kind}.json: payload.compose.id ${compose.id} has no date".toString()]
        }
        String suffix = parts.group('type')
        Map read = [date  : parts.group('date'), type: suffix ? COMPOSE_TYPE_SUFFIXES[suffix.substring(1)] : 'production',
                    respin: parts.group('respin') ? Integer.parseInt(parts.group('respin')) : 0]
        read.findAll { key, value -> compose[key] != value }.collect { key, value ->
            "${kind}.json: payload.compose.$key is ${compose[key]}, but productmd reads $value from the id ${compose.id}"
                    .toString()
        }
    }

    /** Not a rule of productmd's: Pungi writes one compose section, the same in every file. */
    static List<String> sameCompose(ComposeMetadata m) {
        [images: m.images, rpms: m.rpms].findAll { kind, document -> document.payload.compose != m.info.payload.compose }
                .collect { kind, document -> "${kind}.json: payload.compose is not composeinfo.json's".toString() }
    }

    // ---------------------------------------------------------------- images.json

    static List<String> imageFields(ComposeMetadata m) {
        m.imageEntries().collectMany { entry ->
            (REQUIRED_IMAGE_FIELDS + ['format']).findAll { !(entry.image as Map).containsKey(it) }
                    .collect { "${entry.label}: no $it".toString() }
        }
    }

    /** Image._validate_*: the type of every field, blank where productmd refuses blank. */
    static List<String> imageValueTypes(ComposeMetadata m) {
        m.imageEntries().collectMany { entry ->
            Map image = entry.image as Map
            Map<String, Boolean> valid = [
                    path               : image.path instanceof String && image.path,
                    mtime              : isInt(image.mtime),
                    size               : isInt(image['size']) && image['size'] != 0,
                    volume_id          : image.volume_id == null || (image.volume_id instanceof String && image.volume_id),
                    type               : image.type instanceof String,
                    format             : image.format instanceof String,
                    arch               : image.arch instanceof String && image.arch,
                    disc_number        : isInt(image.disc_number),
                    disc_count         : isInt(image.disc_count),
                    checksums          : image.checksums instanceof Map && image.checksums,
                    implant_md5        : image.implant_md5 == null || (image.implant_md5 instanceof String
                            && IMPLANT_MD5.matcher(image.implant_md5).lookingAt()),
                    bootable           : image.bootable instanceof Boolean,
                    subvariant         : image.subvariant instanceof String,
                    unified            : !image.containsKey('unified') || image.unified instanceof Boolean,
                    additional_variants: !image.containsKey('additional_variants') ||
                            (image.additional_variants instanceof List && (!image.additional_variants || image.unified)),
            ]
            valid.findAll { field, ok -> !ok }.collect { field, ok ->
                "${entry.label}: $field ${json(image[field])} is not what productmd accepts".toString()
            }
        }
    }

    /** SUPPORTED_IMAGE_TYPES and SUPPORTED_IMAGE_FORMATS; and the format is one IMAGE_TYPE_FORMAT_MAPPING gives the type. */
    static List<String> imageTypesAndFormats(ComposeMetadata m) {
        m.imageEntries().collectMany { entry ->
            Map image = entry.image as Map
            List<String> findings = []
            if (!IMAGE_TYPE_FORMAT_MAPPING.containsKey(image.type)) {
                findings << "${entry.label}: type ${image.type} is not one of SUPPORTED_IMAGE_TYPES".toString()
            }
            if (!(image.format in SUPPORTED_IMAGE_FORMATS)) {
                findings << "${entry.label}: format ${image.format} is not one of SUPPORTED_IMAGE_FORMATS".toString()
            } else if (IMAGE_TYPE_FORMAT_MAPPING[image.type] && !(image.format in IMAGE_TYPE_FORMAT_MAPPING[image.type])) {
                findings << "${entry.label}: format ${image.format} is not a format of type ${image.type}".toString()
            }
            findings
        }
    }

    /** Images.add: the arch an image is listed under is an RPM arch and not a source arch. */
    static List<String> imageArches(ComposeMetadata m) {
        List<String> findings = []
        (m.images.payload.images as Map).each { variant, arches ->
            (arches as Map).keySet().each { arch ->
                if (!(arch in RPM_ARCHES)) {
                    findings << "images.json: $variant lists images under $arch, which is not in RPM_ARCHES".toString()
                } else if (arch in SOURCE_ARCHES) {
                    findings << "images.json: $variant lists images under the source arch $arch".toString()
                }
            }
        }
        findings + m.imageEntries().findAll { it.image.arch != it.arch }.collect {
            "${it.label}: arch ${it.image.arch} but listed under ${it.arch}".toString()
        }
    }

    /**
     * Images.add refuses an image whose identify_image() is another's while their checksums differ
     * (identify_image turns a missing unified into false and missing additional_variants into []).
     */
    static List<String> uniqueImages(ComposeMetadata m) {
        List<String> findings = []
        List<Map> added = []
        m.imageEntries().each { entry ->
            List key = identify(entry.image as Map)
            added.findAll { identify(it.image as Map) == key && it.image.checksums != entry.image.checksums }.each {
                findings << "${entry.label} shares all UNIQUE_IMAGE_ATTRIBUTES with ${it.label}".toString()
            }
            added << entry
        }
        findings
    }

    static List identify(Map image) {
        UNIQUE_IMAGE_ATTRIBUTES.collect { attribute ->
            attribute == 'unified' ? (image.unified ?: false)
                    : attribute == 'additional_variants' ? (image.additional_variants ?: []) : image[attribute]
        }
    }

    /** Images are listed under variants of the compose, as Pungi adds them (compose.im.add(variant.uid, …)). */
    static List<String> imageVariants(ComposeMetadata m) {
        (m.images.payload.images as Map).keySet().findAll { !(m.info.payload.variants as Map).containsKey(it) }
                .collect { "images.json: $it is not a variant of composeinfo.json".toString() }
    }

    /** The path is relative to {@code compose/}, stays inside it, and is the image file itself (not a link). */
    static List<String> imagePaths(ComposeMetadata m) {
        m.imageEntries().findAll { !insideCompose(m, it.image.path as String) || !m.isRegularFile(it.image.path as String) }
                .collect { "${it.label}: not a file relative to compose/".toString() }
    }

    /** Pungi's get_file_size: the size of the file the path names. */
    static List<String> imageSizes(ComposeMetadata m) {
        onDisk(m).findAll { it.image['size'] != Files.size(m.compose.resolve(it.image.path as String)) }
                .collect { "${it.label}: size is not the file's size".toString() }
    }

    /** Pungi's get_mtime: the file's modification time in whole seconds. */
    static List<String> imageMtimes(ComposeMetadata m) {
        onDisk(m).findAll {
            it.image.mtime != Files.getLastModifiedTime(m.compose.resolve(it.image.path as String)).toMillis().intdiv(1000)
        }.collect { "${it.label}: mtime is not the file's modification time".toString() }
    }

    /** Every checksum productmd records is the file's own; the ones relengine writes are sha256. */
    static List<String> imageChecksums(ComposeMetadata m) {
        onDisk(m).collectMany { entry ->
            Map sums = entry.image.checksums as Map
            List<String> findings = sums.keySet() == ['sha256'] as Set ? []
                    : ["${entry.label}: checksums are ${sums.keySet()}, not sha256".toString()]
            if (sums.sha256 != sha256(m.compose.resolve(entry.image.path as String))) {
                findings << "${entry.label}: sha256 is not the file's".toString()
            }
            findings
        }
    }

    /** Pungi reads volume_id from the ISO (isoinfo); no other image has one. */
    static List<String> imageVolumeIds(ComposeMetadata m) {
        onDisk(m).findAll { it.image.volume_id != (isIso(it.image) ? m.isoFacts(it.image.path as String).volumeId : null) }
                .collect { "${it.label}: volume_id ${it.image.volume_id} is not the disc's".toString() }
    }

    /** Pungi reads implant_md5 with checkisomd5 --md5sumonly; null when nothing was implanted. */
    static List<String> imageImplantMd5s(ComposeMetadata m) {
        onDisk(m).findAll { it.image.implant_md5 != (isIso(it.image) ? m.isoFacts(it.image.path as String).implantMd5 : null) }
                .collect { "${it.label}: implant_md5 ${it.image.implant_md5} is not what checkisomd5 reads".toString() }
    }

    /** A disc is bootable when it has El Torito boot records; Pungi marks other images not bootable. */
    static List<String> imageBootable(ComposeMetadata m) {
        onDisk(m).collectMany { entry ->
            boolean boots = isIso(entry.image) && m.isoFacts(entry.image.path as String).bootable
            entry.image.bootable == boots ? [] : ["${entry.label}: bootable ${entry.image.bootable}, but it has "
                    + "${boots ? '' : 'no '}El Torito boot records".toString()]
        }
    }

    /**
     * Not productmd's (subvariant is any string): relengine's naming. A cloud image's subvariant is what
     * Rocky's file name calls it, {@code Rocky-9-<subvariant>-9.7-<date>.<n>.<arch>.<ext>} (GenericCloud-Base,
     * Azure-LVM, RPI); a disc's is the variant it is listed under, as Pungi's createiso writes it.
     */
    static List<String> imageSubvariants(ComposeMetadata m, String prefix, String version) {
        m.imageEntries().collectMany { entry ->
            String path = entry.image.path
            String name = path.substring(path.lastIndexOf('/') + 1)
            String expected = path.startsWith('images/') && name.startsWith(prefix) && name.contains("-$version-")
                    ? name.substring(prefix.length(), name.lastIndexOf("-$version-")) : entry.variant
            entry.image.subvariant == expected ? []
                    : ["${entry.label}: subvariant ${entry.image.subvariant}, not $expected".toString()]
        }
    }

    private static List<Map> onDisk(ComposeMetadata m) {
        m.imageEntries().findAll { it.image.path instanceof String && m.isRegularFile(it.image.path as String) }
    }

    private static boolean isIso(Object image) {
        (image as Map).format == 'iso'
    }

    // ---------------------------------------------------------------- composeinfo.json

    /** Release._validate_*: name and short are strings, version a release version, type a RELEASE_TYPE. */
    static List<String> release(ComposeMetadata m) {
        Map release = m.info.payload.release as Map
        Map<String, Boolean> valid = [
                name      : release.name instanceof String,
                short     : release.short instanceof String,
                version   : release.version instanceof String && RELEASE_VERSION.matcher(release.version).lookingAt(),
                type      : release.type in RELEASE_TYPES,
                is_layered: release.is_layered instanceof Boolean,
                internal  : release.internal instanceof Boolean,
        ]
        List<String> findings = valid.findAll { key, ok -> !ok }.collect { key, ok ->
            "composeinfo.json: release.$key ${json(release[key])} is not what productmd accepts".toString()
        }
        if (release.is_layered != (m.info.payload.containsKey('base_product'))) {
            findings << 'composeinfo.json: base_product is there exactly when the release is layered'
        }
        findings
    }

    /** Variants and Variant._validate_*: key, id, uid, name, type and arches of each top-level variant. */
    static List<String> variants(ComposeMetadata m) {
        (m.info.payload.variants as Map).collectMany { key, value ->
            Map variant = value as Map
            List<String> findings = []
            if (variant.id != key && variant.uid != key) {
                findings << "composeinfo.json: variant $key has id ${variant.id} and uid ${variant.uid}".toString()
            }
            if (!(variant.id instanceof String) || !VARIANT_ID.matcher(variant.id).lookingAt()) {
                findings << "composeinfo.json: variant $key: id ${variant.id} is not letters and digits".toString()
            }
            if ((variant.uid as String)?.replace('-', '') != variant.id) {
                findings << "composeinfo.json: variant $key: uid ${variant.uid} does not align with id ${variant.id}"
                        .toString()
            }
            if (!(variant.name instanceof String) || !variant.name) {
                findings << "composeinfo.json: variant $key: name ${variant.name} is blank".toString()
            }
            if (!(variant.type in VARIANT_TYPES)) {
                findings << "composeinfo.json: variant $key: type ${variant.type} is not one of VARIANT_TYPES".toString()
            }
            if (!(variant.arches instanceof List) || !variant.arches || !(variant.arches as List).every { it in RPM_ARCHES }) {
                findings << "composeinfo.json: variant $key: arches ${variant.arches} are not RPM arches".toString()
            }
            findings
        }
    }

    /** VariantPaths reads only its own categories, only for the variant's arches; relengine's paths exist. */
    static List<String> variantPaths(ComposeMetadata m) {
        (m.info.payload.variants as Map).collectMany { key, value ->
            Map variant = value as Map
            (variant.paths as Map).collectMany { category, byArch ->
                if (!(category in VARIANT_PATHS)) {
                    return ["composeinfo.json: variant $key: paths.$category is not a VariantPaths category".toString()]
                }
                (byArch as Map).collectMany { arch, path ->
                    if (!(arch in (variant.arches as List))) {
                        return ["composeinfo.json: variant $key: paths.$category.$arch is not one of its arches".toString()]
                    }
                    insideCompose(m, path as String) && Files.isDirectory(m.compose.resolve(path as String)) ? []
                            : ["composeinfo.json: variant $key: paths.$category.$arch $path is not a directory relative to compose/"
                                       .toString()]
                }
            }
        }
    }

    // ---------------------------------------------------------------- rpms.json

    /** Rpms.add: arches are RPM arches, never source arches; and they are the variant's, as in composeinfo.json. */
    static List<String> rpmArches(ComposeMetadata m) {
        List<String> findings = []
        (m.rpms.payload.rpms as Map).each { variant, arches ->
            List variantArches = m.info.payload.variants[variant]?.arches as List
            if (variantArches == null) {
                findings << "rpms.json: $variant is not a variant of composeinfo.json".toString()
            }
            (arches as Map).keySet().each { arch ->
                if (!(arch in RPM_ARCHES) || arch in SOURCE_ARCHES) {
                    findings << "rpms.json: $variant lists packages under $arch, which productmd refuses".toString()
                } else if (variantArches != null && !(arch in variantArches)) {
                    findings << "rpms.json: $variant lists packages under $arch, not one of its arches".toString()
                }
            }
        }
        findings
    }

    /** Rpms._check_nevra: an epoch, parse_nvra parses it, and it is written back the same; SRPM keys too. */
    static List<String> nevras(ComposeMetadata m) {
        Set<String> keys = new LinkedHashSet<>()
        m.rpmEntries().each { keys << (it.srpm as String); keys << (it.nevra as String) }
        List<String> findings = keys.findAll { canonical(it) != it }.collect {
            "rpms.json: $it is not an N-E:V-R.A productmd writes back unchanged".toString()
        }
        findings + m.rpmEntries().collect { it.srpm as String }.unique().findAll {
            canonical(it) == it && !(parse(it).arch in SOURCE_ARCHES)
        }.collect { "rpms.json: $it is listed as a source RPM".toString() }
    }

    /** Rpms.add: SUPPORTED_CATEGORIES; source exactly for src/nosrc; a source RPM is under its own NEVRA. */
    static List<String> categories(ComposeMetadata m) {
        m.rpmEntries().collectMany { entry ->
            String category = entry.fields.category
            if (!(category in SUPPORTED_CATEGORIES)) {
                return ["rpms.json: ${entry.nevra}: category $category is not one of SUPPORTED_CATEGORIES".toString()]
            }
            Map nevra = parse(entry.nevra as String)
            List<String> findings = []
            if ((category == 'source') != (nevra?.arch in SOURCE_ARCHES)) {
                findings << "rpms.json: ${entry.nevra}: category $category does not go with arch ${nevra?.arch}".toString()
            }
            if (category == 'source' && entry.srpm != entry.nevra) {
                findings << "rpms.json: ${entry.nevra}: a source RPM listed under ${entry.srpm}".toString()
            }
            findings
        }
    }

    /** Rpms.add: a relative path; relengine's is the RPM file of that NEVRA in the compose. */
    static List<String> rpmPaths(ComposeMetadata m) {
        m.rpmEntries().findAll { entry ->
            String path = entry.fields.path
            Map nevra = parse(entry.nevra as String)
            !(path instanceof String) || !insideCompose(m, path) || !m.isRegularFile(path) || nevra == null ||
                    path.substring(path.lastIndexOf('/') + 1) !=
                    "${nevra.name}-${nevra.version}-${nevra.release}.${nevra.arch}.rpm".toString()
        }.collect { "rpms.json: ${it.nevra}: path ${it.fields.path} is not its RPM relative to compose/".toString() }
    }

    /** Rpms.add lower-cases a sigkey; null means unsigned. */
    static List<String> sigkeys(ComposeMetadata m) {
        m.rpmEntries().findAll { entry ->
            def sigkey = entry.fields.sigkey
            !(entry.fields as Map).containsKey('sigkey') || !(sigkey == null || (sigkey instanceof String
                    && sigkey == sigkey.toLowerCase()))
        }.collect { "rpms.json: ${it.nevra}: sigkey ${it.fields.sigkey} is neither null nor lower case".toString() }
    }

    /** parse_nvra, or null where RPM_NVRA_RE does not match; the epoch defaults to 0. */
    static Map parse(String nevra) {
        Matcher parts = RPM_NVRA.matcher(nevra.endsWith('.rpm') ? nevra[0..-5] : nevra)
        if (!parts.matches()) {
            return null
        }
        [name   : parts.group('name'), epoch: parts.group('epoch') ? Integer.parseInt(parts.group('epoch')) : 0,
         version: parts.group('version'), release: parts.group('release'), arch: parts.group('arch')]
    }

    /** What _check_nevra makes of a key: null when it has no epoch or does not parse. */
    static String canonical(String nevra) {
        Map parts = nevra.contains(':') ? parse(nevra) : null
        parts == null ? null : "${parts.name}-${parts.epoch}:${parts.version}-${parts.release}.${parts.arch}".toString()
    }

    // ---------------------------------------------------------------- helpers

    /** Python's int: a JSON integer, not a bool or a fraction. */
    static boolean isInt(Object value) {
        value instanceof Integer || value instanceof Long || value instanceof BigInteger
    }

    static boolean insideCompose(ComposeMetadata m, String path) {
        path && !path.startsWith('/') && m.compose.resolve(path).normalize().startsWith(m.compose)
    }

    static String sha256(Path file) {
        MessageDigest digest = MessageDigest.getInstance('SHA-256')
        Files.newInputStream(file).withCloseable { input ->
            byte[] buffer = new byte[1 << 16]
            int n
            while ((n = input.read(buffer)) > 0) {
                digest.update(buffer, 0, n)
            }
        }
        digest.digest().encodeHex().toString()
    }

    /** A value as the JSON file shows it, for findings. */
    static String json(Object value) {
        JsonOutput.toJson(value)
    }
}
