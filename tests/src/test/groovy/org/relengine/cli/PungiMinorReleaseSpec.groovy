package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * A minor release composed by Pungi, published as minor-release-sync-to-staging.sh publishes it: Pungi's ISOs (in
 * {@code BaseOS/<arch>/iso} and {@code Minimal/<arch>/iso}) reach {@code isos/<arch>} in staging with their latest
 * links, manifests and CHECKSUM files as the script's own commands make them; the comps repos get kickstart trees;
 * BaseOS's .treeinfo names AppStream as the script's configparser code writes it; the os and kickstart trees are
 * signed; Minimal and Cloud stay out; the compose stays as Pungi made it.
 */
class PungiMinorReleaseSpec extends Specification {

    static final String MINI9 = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy').toString()
    static final String ID = 'Mini-9.1-20251111.0'
    static final List<String> ISOS = ['Mini-9.1-x86_64-boot.iso', 'Mini-9.1-x86_64-dvd.iso', 'Mini-9.1-x86_64-minimal.iso']

    @Shared Path root = Files.createTempDirectory('relengine-minor')
    @Shared Path work = Files.createTempDirectory('relengine-minor-work')
    @Shared Path gnupg = ThrowawayKey.home('relengine-minor-gnupg')
    @Shared Path composeDir
    @Shared Path recipe
    @Shared Map<String, String> before
    @Shared Cli.Result run
    @Shared Path staged

    def setupSpec() {
        composeDir = root.resolve("compose/9/$ID")
        Path compose = composeDir.resolve('compose')
        ['BaseOS', 'AppStream', 'Minimal'].each { String variant ->
            String name = "minor-${variant.toLowerCase()}"
            Map<String, Path> built = RpmBuild.build(work, name, '1.0')
            UpdatePathSpec.repo(work, compose.resolve("$variant/x86_64/os"), [built["$name-1.0-1.el9.noarch.rpm".toString()]],
                    UpdatePathSpec.group(name, "Minor $variant", name))
        }
        Files.writeString(compose.resolve('BaseOS/x86_64/os/.treeinfo'), TREEINFO)
        // Pungi's ISOs, each a real ISO 9660 image, with Pungi's own CHECKSUM beside them
        Map<String, String> isoVariant = [(ISOS[0]): 'BaseOS', (ISOS[1]): 'BaseOS', (ISOS[2]): 'Minimal']
        isoVariant.each { String iso, String variant ->
            Path content = work.resolve("content-$iso")
            Files.createDirectories(content.resolve('Packages'))
            Files.writeString(content.resolve('Packages/README'), "$iso\n")
            Files.writeString(content.resolve('.discinfo'), "1700000000.0\nMini Linux 9.1\nx86_64\n")
            Path dir = compose.resolve("$variant/x86_64/iso")
            Files.createDirectories(dir)
            assert Cli.exec(['xorriso', '-as', 'mkisofs', '-quiet', '-R', '-J', '-V', iso.take(30), '-o',
                             dir.resolve(iso).toString(), content.toString()]).exitCode == 0
        }
        Files.writeString(compose.resolve('BaseOS/x86_64/iso/CHECKSUM'), "# Pungi's own\n")
        Files.createDirectories(compose.resolve('Cloud/x86_64/images'))
        Files.writeString(compose.resolve('Cloud/x86_64/images/Mini-GenericCloud.qcow2'), 'qcow2\n')
        Files.createDirectories(compose.resolve('metadata'))
        Files.writeString(compose.resolve('metadata/composeinfo.json'), '{"header": {"type": "productmd.composeinfo", "version": "1.2"}}\n')
        Files.writeString(composeDir.resolve('COMPOSE_ID'), ID)
        Files.writeString(composeDir.resolve('STATUS'), 'FINISHED\n')
        Files.createSymbolicLink(root.resolve('compose/9/latest-Mini-9'), Path.of(ID))
        before = PungiPublishSpec.contents(compose)

        recipe = Cli.writeRecipe(work, 'minor9.groovy', """include '$MINI9'
arches 'x86_64'
existing compose: '/mnt/compose/9/latest-Mini-9'
images {
    image 'minimal', repos: ['BaseOS'], variant: 'minimal'
}
publish {
    staging delete: false
    minorRelease isos: ['BaseOS', 'Minimal'], drop: ['Minimal', 'Cloud']
    signRepos key: 'relengine-test@example.org', trees: ['os', 'kickstart']
    remove 'production'
    remove 'filelists'
}
""")
        run = Cli.run([env: [GNUPGHOME: gnupg.toString()], timeout: 300], 'run', recipe.toString(), '--executor', 'local',
                '--root', root.toString(), '--confirm')
        staged = root.resolve('staging/mirror/pub/rocky/9.1-RC1')
    }

    // as productmd writes it: sections and keys sorted, pre-productmd compatibility comments in [general]
    static final String TREEINFO = '''[checksums]
images/install.img = sha256:4d1e0a0c7d3e5b6f8a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7

[general]
; WARNING.0 = This section provides compatibility with pre-productmd treeinfos.
; WARNING.1 = Read productmd documentation for details about new format.
arch = x86_64
family = Mini Linux
name = Mini Linux 9.1
packagedir = Packages
platforms = x86_64,xen
repository = .
timestamp = 1700000000
variant = BaseOS
variants = BaseOS
version = 9.1

[header]
type = productmd.treeinfo
version = 1.2

[release]
name = Mini Linux
short = Mini
version = 9.1

[stage2]
mainimage = images/install.img

[tree]
arch = x86_64
build_timestamp = 1700000000
platforms = x86_64,xen
variants = BaseOS

[variant-BaseOS]
id = BaseOS
name = BaseOS
packages = Packages
repository = .
type = variant
uid = BaseOS

'''

    def "the run stages the compose, reshapes it as a minor release, signs and hardlinks, and exits 0"() {
        expect:
        run.exitCode == 0
        run.stackTraceMarkers == []
        ['stage', 'release-isos:x86_64', 'kickstart:BaseOS:x86_64', 'kickstart:AppStream:x86_64',
         'treeinfo-variants:x86_64', 'hardlink', 'signrepos'].every { id ->
            run.stdoutLines.any { it ==~ /\[\d+\/\d+\] done\s+${java.util.regex.Pattern.quote(id)}\b.*/ }
        }
    }

    def "Pungi's ISOs are in isos/x86_64 with the latest links, and nowhere else in staging"() {
        given:
        Path isos = staged.resolve('isos/x86_64')

        expect:
        ISOS.every { Files.readAllBytes(isos.resolve(it)) == Files.readAllBytes(composeDir.resolve('compose').resolve(
                (it.contains('minimal') ? 'Minimal' : 'BaseOS') + "/x86_64/iso/$it")) }
        Files.readSymbolicLink(isos.resolve('Mini-9-latest-x86_64-dvd.iso')) == Path.of('Mini-9.1-x86_64-dvd.iso')
        Files.readSymbolicLink(isos.resolve('Mini-9-latest-x86_64-boot.iso')) == Path.of('Mini-9.1-x86_64-boot.iso')
        Files.readSymbolicLink(isos.resolve('Mini-9-latest-x86_64-minimal.iso')) == Path.of('Mini-9.1-x86_64-minimal.iso')
        !Files.exists(staged.resolve('BaseOS/x86_64/iso'))
        !Files.exists(staged.resolve('Minimal'))
        !Files.exists(staged.resolve('Cloud'))
        Files.exists(staged.resolve('AppStream/x86_64/os/repodata/repomd.xml'))
    }

    def "CHECKSUM files are byte for byte what the script's commands make, manifests list every path of the ISO"() {
        given: 'the script run on the staged directory: its manifest pipeline and checksum printf, for every *.iso'
        // the manifest as relengine writes every ISO's, without a leading slash; the script's `--find` lists the
        // ISO from its working directory, which xorriso 1.5.4 prints as ./path: its cut -c2- leaves /path
        Path isos = staged.resolve('isos/x86_64')
        Path expected = work.resolve('expected')
        Files.createDirectories(expected)
        def script = Cli.exec(['bash', '-c', '''set -e; cd "$1"; for file in *.iso; do
  xorriso -dev "${file}" --find 2>/dev/null | tail -n+2 | tr -d "'" | cut -c3- | sort > "$2/${file}.manifest"
  printf "# %s: %s bytes\\n%s\\n" "${file}" "$(stat -c %s ${file} -L)" "$(sha256sum --tag ${file})" > "$2/${file}.CHECKSUM"
done; cat "$2"/*.CHECKSUM > "$2/CHECKSUM"''', 'toolkit', isos.toString(), expected.toString()], Cli.ROOT, [LC_ALL: 'C'])

        expect:
        script.exitCode == 0
        Files.list(expected).withCloseable { it.count() } == 13
        Files.list(expected).withCloseable { it.toList() }.every { Path file ->
            Files.readString(isos.resolve(file.fileName.toString())) == Files.readString(file)
        }
        Files.readString(isos.resolve('Mini-9.1-x86_64-dvd.iso.manifest')).readLines().contains('Packages/README')
    }

    def "BaseOS's .treeinfo names AppStream exactly as the toolkit's configparser code writes it, and is kept as .treeinfo-pristine"() {
        given: "the toolkit's treeinfoModder, in Python's configparser, on the compose's .treeinfo"
        Path copy = work.resolve('treeinfo-os')
        Files.writeString(copy, TREEINFO)
        Path kickstartCopy = work.resolve('treeinfo-kickstart')
        Files.writeString(kickstartCopy, TREEINFO)
        def python = Cli.exec(['python3', '-c', MODDER, copy.toString(), 'os', kickstartCopy.toString(), 'kickstart'])

        expect:
        python.exitCode == 0
        Files.readString(staged.resolve('BaseOS/x86_64/os/.treeinfo')) == Files.readString(copy)
        Files.readString(staged.resolve('BaseOS/x86_64/kickstart/.treeinfo')) == Files.readString(kickstartCopy)
        Files.readString(copy).contains('repository = ../../../AppStream/x86_64/os/\n')
        Files.readString(kickstartCopy).contains('packages = ../../../AppStream/x86_64/kickstart/Packages\n')
        Files.readString(staged.resolve('BaseOS/x86_64/os/.treeinfo-pristine')) == Files.readString(copy)
        Files.readString(staged.resolve('BaseOS/x86_64/kickstart/.treeinfo-pristine')) == Files.readString(kickstartCopy)
    }

    // the behaviour of treeinfoModder and treeinfoModderKickstart (sync/common_9), as an oracle
    static final String MODDER = '''
import sys
from configparser import ConfigParser
for path, kind in [(sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])]:
    config = ConfigParser()
    config.read(path)
    base = '../../../AppStream/x86_64/' + kind
    if 'variant-AppStream' not in config.sections():
        config.set('tree', 'variants', 'BaseOS,AppStream')
        config.add_section('variant-AppStream')
        for key in ['id', 'name']:
            config.set('variant-AppStream', key, 'AppStream')
        config.set('variant-AppStream', 'type', 'variant')
        config.set('variant-AppStream', 'uid', 'AppStream')
        config.set('variant-AppStream', 'packages', base + '/Packages')
        config.set('variant-AppStream', 'repository', base + '/')
    with open(path, 'w') as out:
        config.write(out)
'''

    def "each comps repo has a kickstart tree, a copy of its os tree; every os and kickstart repomd.xml is signed"() {
        expect:
        ['BaseOS', 'AppStream'].every { String repo ->
            Path os = staged.resolve("$repo/x86_64/os")
            Path kickstart = staged.resolve("$repo/x86_64/kickstart")
            Files.readAllBytes(kickstart.resolve('repodata/repomd.xml')) == Files.readAllBytes(os.resolve('repodata/repomd.xml')) &&
                    Files.exists(kickstart.resolve("Packages/m/minor-${repo.toLowerCase()}-1.0-1.el9.noarch.rpm")) &&
                    [os, kickstart].every { Path tree ->
                        Path repomd = tree.resolve('repodata/repomd.xml')
                        Cli.exec(['gpg', '--verify', "${repomd}.asc".toString(), repomd.toString()], Cli.ROOT,
                                [GNUPGHOME: gnupg.toString()]).exitCode == 0
                    }
        }
    }

    def "the compose stays as Pungi made it: its ISOs where they were, nothing added to its tree"() {
        expect:
        PungiPublishSpec.contents(composeDir.resolve('compose')) == before
    }

    def "publishing again copies no ISO again and leaves staging the same shape"() {
        given:
        Path dvd = staged.resolve('isos/x86_64/Mini-9.1-x86_64-dvd.iso')
        Object inode = Files.getAttribute(dvd, 'unix:ino')

        when:
        def again = Cli.run([env: [GNUPGHOME: gnupg.toString()], timeout: 300], 'run', recipe.toString(), '--executor',
                'local', '--root', root.toString(), '--confirm')

        then:
        again.exitCode == 0
        Files.getAttribute(dvd, 'unix:ino') == inode
        Files.readString(root.resolve("compose/9/$ID/work/logs/release-isos_x86_64.log")).contains('Mini-9.1-x86_64-dvd.iso: unchanged')
        !Files.exists(staged.resolve('BaseOS/x86_64/iso'))
        Files.readString(staged.resolve('BaseOS/x86_64/os/.treeinfo')).count('[variant-AppStream]') == 1
    }
}
