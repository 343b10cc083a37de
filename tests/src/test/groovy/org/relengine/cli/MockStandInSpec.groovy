package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Tasks on mock, driven through a stand-in for mock on PATH (mock is packaged for Fedora, RHEL and Rocky, not for
 * Debian): the stand-in checks each argv it gets against the shape Rocky's build-iso gives mock (`-r CONFIG
 * --isolation=simple --enable-network`, the compose bind-mounted at its own path, then `--init` or `--chroot --
 * COMMAND…`), records it, and runs the command on this machine as the chroot would. The compose is the small
 * recipe of the end-to-end specs with its DVDs `on: mock`.
 */
class MockStandInSpec extends Specification {

    static final Path MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')
    static final String STAMP = '20251205.130000'

    @TempDir
    Path dir

    /** The stand-in: refuses (exit 2, saying why) an argv of another shape; runs the command of `--chroot --`. */
    Path standIn() {
        Path bin = Files.createDirectories(dir.resolve('bin'))
        Path mock = bin.resolve('mock')
        Files.writeString(mock, '''#!/bin/bash
# stand-in for mock: checks the argv relengine gives mock, records it, runs the chroot's command here
echo "$*" >> "${MOCK_STAND_IN_LOG:?}"
[[ $1 == -r && $2 =~ ^mini-9-(x86_64|aarch64)$ ]] || { echo "stand-in mock: bad -r: $1 $2" >&2; exit 2; }
[[ $3 == --isolation=simple && $4 == --enable-network ]] || { echo "stand-in mock: bad options: $3 $4" >&2; exit 2; }
[[ $5 =~ ^--plugin-option=bind_mount:dirs=\\[\\(\\"(/[^\\"]+)\\",\\ \\"(/[^\\"]+)\\"\\)\\]$ ]] \\
  && [[ ${BASH_REMATCH[1]} == "${BASH_REMATCH[2]}" && -d ${BASH_REMATCH[1]} ]] \\
  || { echo "stand-in mock: bad bind mount: $5" >&2; exit 2; }
[[ $6 =~ ^--uniqueext=[A-Za-z0-9_.-]+$ ]] || { echo "stand-in mock: bad --uniqueext: $6" >&2; exit 2; }
case $7 in
  --init) [[ $# -eq 7 ]] || { echo "stand-in mock: --init takes nothing more" >&2; exit 2; }; exit 0 ;;
  --chroot) [[ $8 == -- && $# -ge 9 ]] || { echo "stand-in mock: --chroot -- COMMAND…" >&2; exit 2; }
            shift 8; exec "$@" ;;
  *) echo "stand-in mock: unknown command $7" >&2; exit 2 ;;
esac
''')
        mock.toFile().setExecutable(true)
        bin
    }

    def "the DVDs of a recipe that puts them on mock are built through mock's --init and --chroot, and verify"() {
        given:
        String text = Files.readString(MINI).replace("    extras 'dvd'\n", "    extras 'dvd', on: mock\n")
        assert text.contains("extras 'dvd', on: mock")
        Path recipe = Cli.writeRecipe(dir, 'mini9-mock.groovy', text)
        Path calls = dir.resolve('mock-calls.log')
        Map env = DemoSpec.ENV + [PATH: "${standIn()}:${System.getenv('PATH')}".toString(),
                                  MOCK_STAND_IN_LOG: calls.toString()]

        when:
        def run = Cli.run([env: env, timeout: 600], 'demo', '--out', dir.resolve('out').toString(), '--recipe',
                recipe.toString(), '--date-stamp', STAMP)
        Path compose = dir.resolve("out/compose/9/Mini-9.1-$STAMP")
        String bind = "--plugin-option=bind_mount:dirs=[(\"$compose\", \"$compose\")]"

        then:
        run.exitCode == 0
        run.stdout.contains('relengine demo: extras run in mock; the rest here')
        List<String> made = Files.readAllLines(calls)
        made.count { it.endsWith(' --init') } == 2
        made.contains("-r mini-9-x86_64 --isolation=simple --enable-network $bind --uniqueext=extras-dvd-x86_64 --init".toString())
        made.any { it.startsWith("-r mini-9-aarch64 --isolation=simple --enable-network $bind --uniqueext=extras-dvd-aarch64 --chroot -- xorriso ") }
        made.any { it.startsWith("-r mini-9-x86_64 --isolation=simple --enable-network $bind --uniqueext=extras-dvd-x86_64 --chroot -- implantisomd5 ") }

        and: 'the task log shows each mock line as it ran'
        String log = Files.readString(compose.resolve('work/logs/extras_dvd_x86_64.log'))
        log.contains("\$ mock -r mini-9-x86_64 --isolation=simple --enable-network '$bind' --uniqueext=extras-dvd-x86_64 --chroot -- xorriso ")

        and: 'the DVD is whole'
        Path dvd = compose.resolve('compose/isos/x86_64/Mini-9.1-x86_64-dvd.iso')
        ['checkisomd5', dvd.toString()].execute().waitFor() == 0
    }
}
