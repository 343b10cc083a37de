package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.tools.PodmanCheck
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The demo's repoclosure and DVD steps, which the recipe puts in podman, run in real containers (the demo's own image,
 * made once per machine) and make the same tree as on this machine. Skipped, with podman's reason, only where
 * podman cannot start a container at all (inside another container, say).
 */
@IgnoreIf(value = { !PodmanCheck.run().usable() }, reason = 'podman cannot start a container on this machine')
class PodmanDemoSpec extends Specification {

    static final String STAMP = '20251205.120000'

    @Shared
    @TempDir
    Path dir

    def "the demo's steps in podman containers make the same tree, paths, sizes and RPM digests, as on this machine"() {
        when:
        def podman = Cli.run([env: DemoSpec.ENV, timeout: 900], 'demo', '--out', dir.resolve('podman').toString(),
                '--date-stamp', STAMP)
        def local = Cli.run([env: DemoSpec.ENV, timeout: 900], 'demo', '--out', dir.resolve('local').toString(),
                '--date-stamp', STAMP, '--executor', 'local')

        then:
        podman.exitCode == 0
        podman.stdout.contains('relengine demo: repoclosure and extras run in podman (localhost/relengine-demo-tools:bookworm)')
        local.exitCode == 0
        local.stdout.contains('relengine demo: every step runs on this machine (podman: --executor local)')

        and: 'the commands of repoclosure and extras ran in containers; the native sync engine ran in relengine'
        Path logs = dir.resolve("podman/compose/9/Rocky-9.7-$STAMP/work/logs")
        Files.readString(logs.resolve('repoclosure_BaseOS_x86_64.log')).contains('$ podman run --rm --replace')
        !Files.readString(logs.resolve('sync_BaseOS_x86_64_os.log')).contains('$ podman run')
        Files.readString(logs.resolve('extras_dvd_x86_64.log')).contains('$ podman run --rm --replace')

        and:
        def inPodman = ComposeTree.listing(dir.resolve('podman'))
        inPodman.count { it.endsWith('.rpm') || it.contains('.rpm ') } > 90
        inPodman == ComposeTree.listing(dir.resolve('local'))
    }
}
