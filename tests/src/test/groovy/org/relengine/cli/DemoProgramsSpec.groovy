package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * What a new machine meets first: the demo checks every program its plan runs before it builds or writes
 * anything, and either installs them (root, apt-get or dnf) or names each missing one and the one command
 * that installs them all. The machine is made new by a PATH that holds only some of the programs, and
 * made unprivileged by a user namespace in which relengine runs as uid 65534.
 */
class DemoProgramsSpec extends Specification {

    /**
     * What the demo runs, minus rsync and mktorrent; plus apt-get or dnf, so the install command is known, and the
     * shells any PATH has (rpm's macros run bash: without it dnf looks for its database in /).
     */
    static final List<String> PRESENT = ['dnf', 'apt-get', 'python3', 'bash', 'sh', 'xorriso', 'createrepo_c',
                                         'modifyrepo_c', 'rpmbuild', 'implantisomd5', 'hardlink', 'gpg']

    @Shared Path dir = Files.createTempDirectory('relengine-demo-programs')
    @Shared Path bin = dir.resolve('bin')

    def setupSpec() {
        Files.createDirectories(bin)
        PRESENT.each { String program ->
            String found = PlanCommandSpec.which(program)
            if (found != null) {
                Files.createSymbolicLink(bin.resolve(program), Path.of(found))
            }
        }
    }

    static String manager() {
        PlanCommandSpec.which('apt-get') ? 'apt-get install -y -q --no-install-recommends' : 'dnf install -y'
    }

    def "without root, a demo with programs missing stops before anything, naming each and the one install command"() {
        given:
        Path out = dir.resolve('out')
        Path cache = dir.resolve('cache')

        when:
        def demo = Cli.run([env  : [PATH: bin.toString(), XDG_CACHE_HOME: cache.toString()],
                            under: ['unshare', '--user', '--map-user=65534', '--map-group=65534']],
                'demo', '--out', out.toString())

        then:
        demo.exitCode == 1
        demo.stackTraceMarkers == []
        demo.stdout == ''
        demo.stderrLines == [
                'relengine demo: 2 programs the demo runs are missing; nothing was done:',
                '  mktorrent         needed for torrents',
                '  rsync             needed for promote, stage',
                "  install them with:  sudo ${manager()} mktorrent rsync".toString()]

        and: 'nothing was created: no compose, no fixtures'
        !Files.exists(out)
        !Files.exists(cache)
    }

    def "a dry run of the demo never installs: as root too, it names what is missing and stops"() {
        given:
        Path out = dir.resolve('dry')

        when:
        def demo = Cli.run([env: [PATH: bin.toString(), XDG_CACHE_HOME: dir.resolve('dry-cache').toString()]],
                'demo', '--dry-run', '--out', out.toString())

        then:
        demo.exitCode == 1
        demo.stderrLines[0] == 'relengine demo: 2 programs the demo runs are missing; nothing was done:'
        demo.stderrLines[1..2] == ['  mktorrent         needed for torrents', '  rsync             needed for promote, stage']
        !Files.exists(out)
        !Files.exists(dir.resolve('dry-cache'))
    }

    def "a dry run of the demo finds its programs on PATH without starting one of them"() {
        given: 'a dnf in front of the real one that notes each time it is started'
        Path wrappers = Files.createDirectories(dir.resolve('wrappers'))
        Path started = dir.resolve('dnf-started')
        Path dnf = wrappers.resolve('dnf')
        Files.writeString(dnf, "#!/bin/sh\necho \"\$@\" >> '$started'\nexec '${PlanCommandSpec.which('dnf')}' \"\$@\"\n")
        dnf.toFile().setExecutable(true)

        when:
        def dry = Cli.run([env: DemoSpec.ENV + [PATH: "$wrappers:${System.getenv('PATH')}".toString()], timeout: 600],
                'demo', '--dry-run', '--out', dir.resolve('dry-run-out').toString())

        then:
        dry.exitCode == 0
        dry.stdout.contains('sync:BaseOS:x86_64:os')
        !Files.exists(started)
        !Files.exists(dir.resolve('dry-run-out'))
    }

    def "doctor lists the demo's programs, each with its state, and the same install command"() {
        when:
        def doctor = Cli.run([env: [PATH: bin.toString()]], 'doctor')
        def packages = Cli.run([env: [PATH: bin.toString()]], 'doctor', '--packages', 'apt')
        def dnf = Cli.run([env: [PATH: bin.toString()]], 'doctor', '--packages', 'dnf')

        then:
        doctor.exitCode == 1
        doctor.stdoutLines[0] == 'relengine doctor: the programs `relengine demo` runs'
        doctor.stdoutLines[1..10]*.split(/\s+/)*.getAt(1) == ['createrepo_c', 'dnf', 'gpg', 'hardlink',
                                                             'implantisomd5', 'mktorrent', 'modifyrepo_c', 'rpmbuild', 'rsync', 'xorriso']
        doctor.stdoutLines.findAll { it.contains('MISSING') } == [
                '  mktorrent         MISSING  needed for torrents',
                '  rsync             MISSING  needed for promote, stage']
        doctor.stdoutLines.contains('2 missing: mktorrent, rsync')
        doctor.stdoutLines.last() == "  install them with:  ${Doctor.isRoot() ? '' : 'sudo '}${manager()} mktorrent rsync".toString()

        and:
        packages.exitCode == 0
        packages.stdout == 'mktorrent rsync\n'
        dnf.stdout == 'mktorrent rsync\n'
    }

    def "doctor --tests --packages names what .ci/run installs, and nothing once it is all here"() {
        when:
        def none = Cli.run([env: [PATH: dir.resolve('empty').toString()]], 'doctor', '--tests', '--packages', 'apt')
        def here = Cli.run('doctor', '--tests', '--packages', 'apt')

        then:
        none.exitCode == 0
        none.stdout == 'chromium createrepo-c debootstrap dnf dnf-plugins-core git gnupg graphviz isomd5sum libxml2-utils mktorrent openssl podman rpm ' +
                'rsync runc util-linux xorriso\n'
        here.exitCode == 0
        here.stdout == '\n'
    }
}
