package org.relengine.cli

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path

/**
 * A compose's productmd metadata as read from {@code compose/metadata/}, with the compose it describes: what
 * {@link ProductmdRules} checks. A doctored copy has its own JSON and the same files on disk, so that a
 * check can be shown to report what was changed.
 */
class ComposeMetadata {

    /** The {@code compose/} directory: every path in the metadata is relative to it. */
    final Path compose
    final Map info
    final Map images
    final Map rpms
    private final Map<String, Map> isoFacts

    private ComposeMetadata(Path compose, Map info, Map images, Map rpms, Map<String, Map> isoFacts) {
        this.compose = compose
        this.info = info
        this.images = images
        this.rpms = rpms
        this.isoFacts = isoFacts
    }

    static ComposeMetadata read(Path compose) {
        Path metadata = compose.resolve('metadata')
        new ComposeMetadata(compose, parse(metadata.resolve('composeinfo.json')), parse(metadata.resolve('images.json')),
                parse(metadata.resolve('rpms.json')), [:])
    }

    private static Map parse(Path file) {
        new JsonSlurper().parse(file.toFile()) as Map
    }

    /** A deep copy of the JSON, changed by {@code doctor} (which gets the copy). */
    ComposeMetadata doctored(Closure doctor) {
        def copy = new ComposeMetadata(compose, deepCopy(info), deepCopy(images), deepCopy(rpms), isoFacts)
        doctor(copy)
        copy
    }

    private static Map deepCopy(Map json) {
        new JsonSlurper().parseText(JsonOutput.toJson(json)) as Map
    }

    /** Every images.json entry with the variant and arch it is listed under. */
    List<Map> imageEntries() {
        List<Map> entries = []
        (images.payload.images as Map).each { variant, arches ->
            (arches as Map).each { arch, list ->
                (list as List).eachWithIndex { image, i ->
                    entries << [variant: variant, arch: arch, image: image,
                                label  : (image as Map).path ?: "$variant/$arch image #$i".toString()]
                }
            }
        }
        entries
    }

    Map image(String path) {
        imageEntries().find { it.image.path == path }.image as Map
    }

    /** Every rpms.json entry: variant, arch, the SRPM key, the RPM key and its fields. */
    List<Map> rpmEntries() {
        List<Map> entries = []
        (rpms.payload.rpms as Map).each { variant, arches ->
            (arches as Map).each { arch, srpms ->
                (srpms as Map).each { srpm, packages ->
                    (packages as Map).each { nevra, fields ->
                        entries << [variant: variant, arch: arch, srpm: srpm, nevra: nevra, fields: fields]
                    }
                }
            }
        }
        entries
    }

    /**
     * What the ISO tools say of a disc, the way Pungi reads it: the volume id from xorriso's primary volume
     * descriptor, the implanted MD5 from {@code checkisomd5 --md5sumonly} (none when it fails), and whether
     * xorriso finds an El Torito boot record.
     */
    Map isoFacts(String path) {
        isoFacts.computeIfAbsent(path) {
            String file = compose.resolve(path).toString()
            def pvd = Cli.exec(['xorriso', '-indev', file, '-pvd_info'])
            def boot = Cli.exec(['xorriso', '-indev', file, '-report_el_torito', 'plain'])
            def md5 = Cli.exec(['checkisomd5', '--md5sumonly', file])
            Map<String, String> sums = md5.stdoutLines.findAll { it.contains(':') }.collectEntries {
                def parts = it.strip().split(':')
                [(parts[0..-2].join(':')): parts[-1].strip()]
            }
            [volumeId  : pvd.stdoutLines.find { it.startsWith('Volume Id    : ') }?.substring(15)?.strip(),
             implantMd5: md5.exitCode == 0 && sums[file]?.length() == 32 ? sums[file] : null,
             bootable  : boot.stdoutLines.any { it.startsWith('El Torito boot img') }]
        }
    }

    boolean isRegularFile(String relative) {
        Files.isRegularFile(compose.resolve(relative), java.nio.file.LinkOption.NOFOLLOW_LINKS)
    }
}
