package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * A SIG composed from the demo's package server and published as sync_sig.py, sync-to-staging-sig.sh and
 * sync-to-prod-sig.sh do: recipes/sig/cloud.groovy, then a second SIG beside it in the same roots. Each lands in
 * mirror/pub/sig/9/<sig> with the mirror's layout and only the arches each repo exists on, its key in its metadata
 * directory, and production hardlinked across the major's SIGs.
 */
class SigPublishSpec extends Specification {

    @Shared Path out = Files.createTempDirectory('relengine-sig')
    @Shared Path work = Files.createTempDirectory('relengine-sig-work')
    @Shared Cli.Result cloud
    @Shared Cli.Result twin

    def setupSpec() {
        cloud = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--out', out.toString(),
                '--recipe', Cli.RECIPES.resolve('sig/cloud.groovy').toString())
        // a second SIG with the same packages (the demo builds them once, and the sync keeps their times): what
        // sync-to-prod-sig.sh's hardlink makes one
        Path recipe = Cli.writeRecipe(work, 'twin.groovy', """include '${Cli.RECIPES.resolve('sig/cloud.groovy')}'
sig 'twin'
""")
        twin = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--out', out.toString(),
                '--recipe', recipe.toString())
    }

    /** Every directory below {@code root}, relative, down to the repos. */
    static List<String> directories(Path root) {
        Files.walk(root, 2).withCloseable { stream ->
            stream.filter { Files.isDirectory(it) && it != root }.collect { root.relativize(it).toString() }.sort()
        }
    }

    def "both SIGs compose and publish, each in its own compose behind its own latest link"() {
        expect:
        [cloud, twin]*.exitCode == [0, 0]
        [cloud, twin].every { it.stackTraceMarkers == [] }
        Files.readString(out.resolve('compose/9/latest-SIG-cloud-9/STATUS')) == 'FINISHED\n'
        Files.readSymbolicLink(out.resolve('compose/9/latest-SIG-cloud-9')).fileName.toString() ==~ /SIG-cloud-9\.7-\d{8}\.\d{6}/
        Files.readString(out.resolve('compose/9/latest-SIG-twin-9/STATUS')) == 'FINISHED\n'
    }

    def "the demo's summary tells what this SIG run did, and claims nothing it did not do"() {
        expect:
        cloud.stdout.contains("  latest link  ${out.resolve('compose/9/latest-SIG-cloud-9')} → SIG-cloud-9.7-")
        cloud.stdout.contains("  repos        2 repos, 6 repo × arch trees with debug and source trees, synced with relengine's sync engine\n")
        cloud.stdout.contains("  file list    ${out.resolve('production/mirror/pub/sig/fullfiletimelist-sig')}")
        cloud.stdout.contains('  Synthetic in the demo: the packages themselves')
        !cloud.stdout.contains('closure-checked')
        !cloud.stdout.contains('lorax')
    }

    def "production has the mirror's layout: <arch>/<repo> and <repo>-debug on the repo's arches only, source/<repo>, metadata"() {
        expect:
        directories(out.resolve('production/mirror/pub/sig/9/cloud')) == [
                'aarch64', 'aarch64/cloud-common', 'aarch64/cloud-common-debug', 'aarch64/cloud-kernel', 'aarch64/cloud-kernel-debug',
                'metadata',
                'ppc64le', 'ppc64le/cloud-common', 'ppc64le/cloud-common-debug',
                's390x', 's390x/cloud-common', 's390x/cloud-common-debug',
                'source', 'source/cloud-common', 'source/cloud-kernel',
                'x86_64', 'x86_64/cloud-common', 'x86_64/cloud-common-debug', 'x86_64/cloud-kernel', 'x86_64/cloud-kernel-debug']
        ['x86_64/cloud-kernel', 'ppc64le/cloud-common', 'aarch64/cloud-kernel-debug', 'source/cloud-common'].every {
            Files.isRegularFile(out.resolve("production/mirror/pub/sig/9/cloud/$it/repodata/repomd.xml"))
        }
        Files.exists(out.resolve('production/mirror/pub/sig/9/cloud/s390x/cloud-common/Packages/d/demo-cloud-common-1.0-1.el9.s390x.rpm'))
        !Files.exists(out.resolve('production/mirror/pub/sig/9/cloud/.treeinfo'))
        !Files.exists(out.resolve('production/mirror/pub/sig/9/cloud/x86_64/cloud-kernel/.treeinfo'))
    }

    def "the SIG's key is published in its metadata directory, staging and production alike"() {
        given:
        String key = 'metadata/RPM-GPG-KEY-Rocky-SIG-Cloud'

        expect:
        Files.readString(out.resolve("production/mirror/pub/sig/9/cloud/$key")) ==
                'SOURCES/RPM-GPG-KEY-Rocky-SIG-Cloud: SYNTHETIC file of the relengine demo, not the real SOURCES/RPM-GPG-KEY-Rocky-SIG-Cloud\n'
        Files.readAllBytes(out.resolve("staging/mirror/pub/sig/9/cloud/$key")) ==
                Files.readAllBytes(out.resolve("production/mirror/pub/sig/9/cloud/$key"))
        Files.readString(out.resolve('production/mirror/pub/sig/fullfiletimelist-sig')).contains("\t9/cloud/$key\n")
    }

    def "publishing the second SIG leaves the first in place, and production is hardlinked across the major's SIGs, metadata apart"() {
        given:
        Path production = out.resolve('production/mirror/pub/sig/9')
        String rpm = 'x86_64/cloud-common/Packages/d/demo-cloud-common-1.0-1.el9.x86_64.rpm'

        expect:
        directories(production.resolve('twin')) == directories(production.resolve('cloud'))
        Files.getAttribute(production.resolve("cloud/$rpm"), 'unix:ino') == Files.getAttribute(production.resolve("twin/$rpm"), 'unix:ino')
        Files.readString(out.resolve('compose/9/latest-SIG-twin-9/work/logs/promote.log'))
                .contains("\$ hardlink -x '.*\\.xml.*' $production")
        Files.walk(production).withCloseable { stream ->
            stream.filter { it.fileName.toString().contains('.xml') && Files.isRegularFile(it) }
                    .noneMatch { (Files.getAttribute(it, 'unix:nlink') as int) > 1 }
        }
    }
}
