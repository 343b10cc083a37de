package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.tools.PodmanCheck
import spock.lang.Specification
import spock.lang.TempDir

/** `relengine doctor RECIPE` of a recipe with steps on podman says whether podman starts containers here, and why not. */
class DoctorPodmanSpec extends Specification {

    @TempDir
    Path dir

    def "doctor of rocky9 says what podman does here, as a container start finds it"() {
        when:
        def doctor = Cli.run([timeout: 120], 'doctor', 'recipes/rocky9.groovy')
        PodmanCheck here = PodmanCheck.run()

        then:
        doctor.stdoutLines.contains(here.usable() ? "  podman starts containers here (${here.runtime()})".toString()
                : "  podman cannot start a container here: ${here.reason()}".toString())
    }

    def "a podman that answers --version but starts no container fails doctor of a recipe that needs it, saying why"() {
        given: 'a stand-in podman on PATH, which fails to start a container the way podman does on hybrid cgroups'
        Path bin = Files.createDirectories(dir.resolve('bin'))
        Path podman = bin.resolve('podman')
        Files.writeString(podman, '''#!/bin/sh
case "$1" in
  --version) echo "podman version 4.3.1" ;;
  info) echo "crun, cgroup manager systemd" ;;
  run) echo "Error: crun: cannot set cgroup: No such file or directory" >&2; exit 126 ;;
esac
''')
        podman.toFile().setExecutable(true)

        and: 'rocky9.groovy without its live images, which need mock, packaged for Rocky and not for Debian'
        Path recipe = Cli.copyRecipe(dir, 'rocky9.groovy',
                ["    live kickstarts: 'https://git.resf.org/sig_core/kickstarts.git', on: mock, failable: true\n": ''])

        when:
        def doctor = Cli.run([env: [PATH: "$bin:${System.getenv('PATH')}".toString()], timeout: 120], 'doctor',
                recipe.toString())

        then:
        doctor.exitCode == 1
        doctor.stdoutLines.contains('  podman cannot start a container here: Error: crun: cannot set cgroup: No such ' +
                'file or directory (set runtime = "runc" and cgroup_manager = "cgroupfs" under [engine] in ' +
                '/etc/containers/containers.conf.d/50-relengine.conf)')
        doctor.stdoutLines.last() == 'Every program is here, but podman cannot run the recipe\'s `on: podman` steps.'
    }
}
