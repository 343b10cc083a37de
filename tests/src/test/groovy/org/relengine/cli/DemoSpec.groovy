package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * `relengine demo`: the real recipes/rocky9.groovy composed with the real tools against a loopback
 * server of tiny real RPMs. Runs once (a few minutes on 2 cores); every feature reads its result.
 */
@Stepwise
class DemoSpec extends Specification {

    /** The demo's RPMs and ISOs are built once per checkout and reused by every spec that runs a demo. */
    static final Map<String, String> ENV = [XDG_CACHE_HOME: Cli.ROOT.resolve('tests/target/demo-cache').toString()]

    static final List<String> ALL4 = ['x86_64', 'aarch64', 'ppc64le', 's390x']

    /** The reference repo × arch pairs of Rocky 9 (devel also on i686 through multilib). */
    static final Map<String, List<String>> REPOS = [
            devel           : ALL4 + ['i686'], BaseOS: ALL4, AppStream: ALL4, CRB: ALL4, HighAvailability: ALL4,
            ResilientStorage: ['x86_64', 'ppc64le', 's390x'], RT: ['x86_64', 'aarch64'], NFV: ['x86_64'],
            SAP             : ['x86_64', 'ppc64le', 's390x'], SAPHANA: ['x86_64', 'ppc64le'], extras: ALL4, plus: ALL4]

    @Shared Path out = Files.createTempDirectory('relengine-demo')
    @Shared Cli.Result demo
    @Shared Path compose

    def "the demo composes the real rocky9 recipe and exits 0 within 10 minutes"() {
        when:
        demo = Cli.run([env: ENV, timeout: 600], 'demo', '--out', out.toString(),
                '--recipe', Cli.RECIPES.resolve('rocky9.groovy').toString())
        Path parent = out.resolve('compose/9')
        compose = parent.resolve('latest-Rocky-9')

        then:
        demo.exitCode == 0
        demo.stackTraceMarkers == []
        demo.stdout.contains('relengine demo: done in')
        demo.stdout.contains('Synthetic in the demo: the per-arch lorax boot images')
        Files.isSymbolicLink(compose)
        Files.readSymbolicLink(compose).fileName.toString() ==~ /Rocky-9\.7-\d{8}\.\d{6}/
        Files.readString(compose.resolve('STATUS')) == 'FINISHED\n'
    }

    def "every repo × arch of the reference has its os tree with packages and repodata, and no other"() {
        expect:
        REPOS.every { repo, arches ->
            arches.every { arch ->
                Path os = compose.resolve("compose/$repo/$arch/os")
                Files.isRegularFile(os.resolve('repodata/repomd.xml')) &&
                        Files.list(os.resolve('Packages')).count() > 0
            }
        }
        !Files.exists(compose.resolve('compose/RT/s390x'))
        !Files.exists(compose.resolve('compose/SAPHANA/aarch64'))
        Files.isRegularFile(compose.resolve('compose/BaseOS/source/tree/repodata/repomd.xml'))
        Files.isRegularFile(compose.resolve('compose/BaseOS/x86_64/debug/tree/repodata/repomd.xml'))
        Files.isRegularFile(compose.resolve('compose/BaseOS/x86_64/kickstart/repodata/repomd.xml'))
    }

    def "the DVD of #arch passes checkisomd5 and its CHECKSUM file verifies"() {
        given:
        Path isos = compose.resolve("compose/isos/$arch")
        Path dvd = isos.resolve("Rocky-9.7-$arch-dvd.iso")

        when:
        def check = Cli.exec(['checkisomd5', dvd.toString()])
        def sums = Cli.exec(['sha256sum', '--check', '--strict', 'CHECKSUM'], isos)
        def lines = Files.readAllLines(isos.resolve('CHECKSUM'))

        then:
        check.exitCode == 0
        check.stderr.contains('the result is: PASS')
        sums.exitCode == 0
        sums.stdoutLines.every { it.endsWith(': OK') }
        sums.stdoutLines.size() == 6
        lines.findAll { it.startsWith('# ') }.size() == 6
        lines.contains("SHA256 (Rocky-9.7-$arch-dvd.iso) = ${sha256(dvd)}".toString())

        where:
        arch << ALL4
    }

    def "the DVD replays the boot ISO's volume id and carries BaseOS and AppStream with their repodata"() {
        when:
        Path dvd = compose.resolve('compose/isos/x86_64/Rocky-9.7-x86_64-dvd.iso')
        def listing = Cli.exec(['xorriso', '-indev', dvd.toString(), '-find', '/'])
        def pvd = Cli.exec(['xorriso', '-indev', dvd.toString(), '-pvd_info'])
        def manifest = Files.readAllLines(compose.resolve('compose/isos/x86_64/Rocky-9.7-x86_64-dvd.iso.manifest'))

        then:
        pvd.stdout.contains("Volume Id    : Rocky-9-7-x86_64-dvd")
        ["'/BaseOS/repodata/repomd.xml'", "'/AppStream/repodata/repomd.xml'",
         "'/BaseOS/Packages/d/demo-baseos-1.0-1.el9.x86_64.rpm'", "'/AppStream/Packages/d/demo-appstream-1.0-1.el9.x86_64.rpm'",
         "'/EULA'", "'/.treeinfo'", "'/isolinux/isolinux.bin'"].every { listing.stdout.contains(it) }
        manifest == manifest.toSorted()
        manifest.contains('BaseOS/repodata/repomd.xml')
    }

    def "metadata/composeinfo.json is productmd 1.2 and names every variant with its arches"() {
        when:
        def info = new JsonSlurper().parse(compose.resolve('compose/metadata/composeinfo.json').toFile(), 'UTF-8')
        def id = Files.readString(compose.resolve('compose/metadata/COMPOSE_ID'))

        then:
        info.header == [type: 'productmd.composeinfo', version: '1.2']
        info.payload.compose.id == id
        id == Files.readSymbolicLink(compose).fileName.toString()
        info.payload.release == [internal: false, is_layered: false, name: 'Rocky Linux', short: 'Rocky', type: 'ga', version: '9.7']
        info.payload.variants.keySet() == REPOS.keySet()
        REPOS.every { repo, arches -> info.payload.variants[repo].arches == arches.toSorted() }
        info.payload.variants.BaseOS.paths.isos.x86_64 == 'isos/x86_64'
        info.payload.variants.BaseOS.paths.os_tree.s390x == 'BaseOS/s390x/os'
    }

    def "dnf pointed at the composed BaseOS and AppStream resolves and downloads a package that needs both"() {
        given:
        Path downloads = Files.createTempDirectory('relengine-dnf')

        when:
        def dnf = Cli.exec(['dnf', '-q', '--releasever=9', '--setopt=reposdir=/dev/null',
                            "--setopt=cachedir=${downloads.resolve('cache')}".toString(), '--forcearch', 'x86_64', '--nogpgcheck',
                            "--repofrompath=BaseOS,file://${compose.resolve('compose/BaseOS/x86_64/os')}".toString(),
                            "--repofrompath=AppStream,file://${compose.resolve('compose/AppStream/x86_64/os')}".toString(),
                            '--repo=BaseOS', '--repo=AppStream', 'download', '--resolve', '--destdir', downloads.toString(),
                            'demo-appstream'], downloads, [:], 120)

        then:
        dnf.exitCode == 0
        Files.list(downloads).collect { it.fileName.toString() }.findAll { it.endsWith('.rpm') }.toSorted() ==
                ['demo-appstream-1.0-1.el9.x86_64.rpm', 'demo-baseos-1.0-1.el9.x86_64.rpm']
    }

    def "each task has its own log and every state change is in the journal, each finished task with its hash"() {
        when:
        Path work = compose.resolve('work')
        def lines = Files.readAllLines(work.resolve('journal')).collect { new JsonSlurper().parseText(it) }
        def journal = lines.findAll { it.task }
        then: 'the native engine synced in relengine, whatever on: says'
        List<String> sync = Files.readAllLines(work.resolve('logs/sync_BaseOS_x86_64_os.log'))
        sync[0] ==~ /# sync http:\/\/127\.0\.0\.1:\d+\/.*\/hashed-BaseOS\/x86_64 into .+\/compose\/BaseOS\/x86_64\/os with relengine's sync engine, deleting packages it no longer names/
        sync.last() ==~ /http:\/\/127\.0\.0\.1:\d+\/.*\/hashed-BaseOS\/x86_64: 1 package: 1 downloaded \(.* KiB\), 0 already there, 0 deleted, in \d+\.\d s/
        Files.readString(work.resolve('logs/repoclosure_AppStream_aarch64.log')).contains('--check=AppStream')
        journal.findAll { it.state == 'done' }*.task.toSet().size() == journal.findAll { it.state == 'running' }.size()
        journal.every { it.state in ['running', 'done'] }
        journal.find { it.task == 'finalize' && it.state == 'done' }
        lines.findAll { it.event == 'run' }.size() == 1
        journal.findAll { it.state == 'done' }.every { it.hash ==~ /[0-9a-f]{64}/ && it.ingredients.spec }
        journal.find { it.task == 'sync:BaseOS:x86_64:os' && it.state == 'done' }.ingredients.keySet() ==
                ['input ' + demo.stdout.find(/http:\/\/127\.0\.0\.1:\d+/) +
                        '/v1/projects/e285fe05-8c5f-417a-a4a3-caeca4011896/repo/hashed-BaseOS/x86_64', 'spec',
                 'tool relengine']
                as Set      // relengine's own code releases dead dnf locks first; in podman the image's digest counts, not this machine's dnf
    }

    def "the repomd.xml of every staged os, debug and source tree is signed as Rocky's sign-repos-only signs it, and production has the signatures"() {
        when:
        Path gnupg = Path.of(demo.stdout.find(/with the demo's throwaway key in (\S+)/) { all, home -> home })
        Path staging = out.resolve('staging/mirror/pub/rocky/9.7-RC2')
        List<Path> trees = REPOS.collectMany { repo, arches ->
            arches.collectMany { arch -> [staging.resolve("$repo/$arch/os"), staging.resolve("$repo/$arch/debug/tree")] } +
                    [staging.resolve("$repo/source/tree")]
        }
        def verified = trees.collect { tree ->
            Path repomd = tree.resolve('repodata/repomd.xml')
            Cli.exec(['gpg', '--homedir', gnupg.toString(), '--verify', repomd.toString() + '.asc', repomd.toString()])
        }
        Path production = out.resolve('production/mirror/pub/rocky/9.7')

        then:
        demo.stdout.contains("signatures   ${trees.size()} repomd.xml of staging signed (os, debug, source trees)")
        verified*.exitCode == [0] * trees.size()
        verified.every { it.stderr.contains('Good signature from "relengine demo (throwaway, signs nothing else) <relengine-demo@relengine.invalid>"') }
        trees.every { Files.getPosixFilePermissions(it.resolve('repodata/repomd.xml.asc')) ==
                java.nio.file.attribute.PosixFilePermissions.fromString('rw-r--r--') }
        Files.readString(production.resolve('BaseOS/x86_64/os/repodata/repomd.xml.asc')) ==
                Files.readString(staging.resolve('BaseOS/x86_64/os/repodata/repomd.xml.asc'))
        !Files.exists(staging.resolve('BaseOS/x86_64/kickstart/repodata/repomd.xml.asc'))
    }

    def "the errata of the demo's errata service reach every os tree the recipe names, before the signature, and production"() {
        when:
        Path production = out.resolve('production/mirror/pub/rocky/9.7')
        List<String> named = ['BaseOS', 'AppStream', 'CRB', 'HighAvailability', 'ResilientStorage', 'RT', 'NFV', 'SAP', 'SAPHANA']
        List<Path> trees = REPOS.findAll { repo, arches -> repo in named }
                .collectMany { repo, arches -> arches.collect { arch -> production.resolve("$repo/$arch/os") } }
        def href = { Path tree -> Files.readString(tree.resolve('repodata/repomd.xml')).find(/href="repodata\/([0-9a-f]{64}-updateinfo\.xml\.gz)"/) { all, name -> name } }

        then:
        demo.stdout.contains("errata       ${trees.size()} staged os trees got their updateinfo.xml from the demo's errata service")
        trees.every { href(it) != null && Files.exists(it.resolve('repodata/' + href(it))) }
        href(production.resolve('extras/x86_64/os')) == null
        new java.util.zip.GZIPInputStream(Files.newInputStream(production.resolve('BaseOS/x86_64/os/repodata/' + href(production.resolve('BaseOS/x86_64/os')))))
                .withCloseable { new String(it.readAllBytes(), 'UTF-8') }.contains('<filename>demo-baseos-1.0-1.el9.x86_64.rpm</filename>')
    }

    static String sha256(Path file) {
        java.security.MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)).encodeHex().toString()
    }
}
