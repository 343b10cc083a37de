package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * `relengine run` of a recipe whose live images are built as build-iso-live builds them, through stand-ins for mock,
 * ksflatten and livemedia-creator: mock and lorax's livemedia-creator are packaged for Fedora, RHEL and Rocky, not
 * for Debian, and pykickstart's ksflatten is not in Debian 12. git is real: the kickstarts are cloned from a
 * repository the spec makes with git, at its r9 branch. The mock stand-in checks the shape of each argv (a chroot of
 * the task's own), records it, takes the chroot's `dnf install` as done, and runs every other command here; the
 * livemedia-creator stand-in refuses a result directory that exists, as the real one does, and makes a real ISO with
 * xorriso, with the volume id it is given and the flattened kickstart in it.
 */
class LiveImagesStandInSpec extends Specification {

    static final String STAMP = '20261206.090000'
    static final List<String> ARCHES = ['x86_64', 'aarch64']

    @TempDir
    Path dir

    Path bin
    Path calls
    Path control

    def setup() {
        bin = standIns()
        calls = dir.resolve('calls.log')
        control = Files.createDirectories(dir.resolve('control'))
    }

    def "each live image is built in a chroot of its own from its flattened kickstart, and lands in the compose with its latest link, CHECKSUMs and images.json entry"() {
        when:
        def (run, compose) = runWithLive('')

        then:
        run.exitCode == 0
        Files.readString(compose.resolve('STATUS')).trim() == 'FINISHED'

        and: 'the ISO, named as build-iso-live names it, with its volume id and the kickstart of its arch from r9'
        ARCHES.every { arch ->
            Path live = compose.resolve("compose/live/$arch")
            String name = "Mini-9.1-XFCE-$arch-20261206.0.iso"
            Path iso = live.resolve(name)
            assert volumeId(iso) == 'Mini-9.1-XFCE'
            assert fileOf(iso, '/ks.cfg').contains("the r9 XFCE kickstart for $arch")
            assert fileOf(iso, '/ks.cfg').startsWith('# flattened by ksflatten')
            assert Files.readSymbolicLink(live.resolve("Mini-9-XFCE-$arch-latest.iso")).toString() == name
            assert Files.readString(live.resolve("${name}.CHECKSUM")) == checksum(iso, name)
            assert Files.readString(live.resolve("Mini-9-XFCE-$arch-latest.iso.CHECKSUM")) ==
                    checksum(iso, "Mini-9-XFCE-$arch-latest.iso")
            assert Files.readString(live.resolve('CHECKSUM')).contains("SHA256 ($name) = ")
            true
        }

        and: 'images.json lists each as Pungi lists a live image'
        String images = Files.readString(compose.resolve('compose/metadata/images.json'))
        images.contains('"path": "live/x86_64/Mini-9.1-XFCE-x86_64-20261206.0.iso"')
        images.contains('"subvariant": "XFCE"')
        images.contains('"type": "live"')

        and: 'livemedia-creator was given the toolkit\'s arguments, in a chroot of the task\'s own with its packages'
        List<String> made = Files.readAllLines(calls)
        String build = compose.resolve('work/live-build/XFCE-x86_64').toString()
        made.contains("mock --uniqueext=live-XFCE-x86_64 --chroot -- dnf install -y lorax-lmc-novirt vim-minimal " +
                'pykickstart git')
        made.contains(("mock --uniqueext=live-XFCE-x86_64 --chroot -- livemedia-creator --ks $build/ks.cfg --no-virt " +
                "--resultdir $build/lmc --project=Mini Linux XFCE --make-iso --volid Mini-9.1-XFCE --iso-only " +
                "--iso-name Mini-9.1-XFCE-x86_64-20261206.0.iso --releasever=9.1 --nomacboot").toString())
        made.count { it.endsWith(' --init') } == 2

        and: 'nothing of the build is left behind'
        !Files.exists(compose.resolve('work/live-build/XFCE-x86_64'))
        !Files.exists(compose.resolve('work/live-build/XFCE-aarch64'))
    }

    def "a retried live build starts from nothing: what the failed attempt left is removed first"() {
        given: 'livemedia-creator fails once on aarch64, leaving its result directory behind'
        Files.createFile(control.resolve('fail-once-aarch64'))

        when:
        def (run, compose) = runWithLive(', retries: 1, retryDelay: \'1s\'')

        then:
        run.exitCode == 0
        !Files.exists(control.resolve('fail-once-aarch64'))
        Files.readAllLines(calls).count { it.contains('--uniqueext=live-XFCE-aarch64 --chroot -- livemedia-creator') } == 2
        volumeId(compose.resolve('compose/live/aarch64/Mini-9.1-XFCE-aarch64-20261206.0.iso')) == 'Mini-9.1-XFCE'
    }

    def "a failable live image that fails leaves the compose FINISHED_INCOMPLETE, with the other arch's image in place"() {
        given:
        Files.createFile(control.resolve('fail-aarch64'))

        when:
        def (run, compose) = runWithLive(', failable: true')

        then:
        run.exitCode == 0
        Files.readString(compose.resolve('STATUS')).trim() == 'FINISHED_INCOMPLETE'
        Files.exists(compose.resolve('compose/live/x86_64/Mini-9.1-XFCE-x86_64-20261206.0.iso'))
        !Files.exists(compose.resolve('compose/live/aarch64/Mini-9.1-XFCE-aarch64-20261206.0.iso'))
    }

    /** `relengine run` of the recipe with these options of its `live` step: the run and its compose directory. */
    List runWithLive(String liveOptions) {
        Path recipe = writeRecipe(kickstarts(), liveOptions)
        def run = Cli.run([env: env(), timeout: 300], 'run', recipe.toString(), '--skip-debug', '--skip-source',
                '--root', dir.resolve('root').toString(), '--date-stamp', STAMP, '--progress', 'plain')
        [run, dir.resolve("root/compose/9/Mini-9.1-$STAMP")]
    }

    Map<String, String> env() {
        [PATH: "$bin:${System.getenv('PATH')}".toString(), LIVE_CALLS: calls.toString(), LIVE_CONTROL: control.toString()]
    }

    /** The kickstarts repository, as git.resf.org/sig_core/kickstarts lays it out: live/<major>/<arch>/<set>/. */
    Path kickstarts() {
        Path repo = Files.createDirectories(dir.resolve('kickstarts'))
        git(repo, 'init', '-q', '-b', 'main')
        Files.writeString(repo.resolve('README'), 'kickstarts\n')
        git(repo, 'add', '-A')
        git(repo, 'commit', '-q', '-m', 'main')
        git(repo, 'checkout', '-q', '-b', 'r9')
        ARCHES.each { arch ->
            ['peridot', 'stage'].each { set ->
                Path ks = Files.createDirectories(repo.resolve("live/9/$arch/$set")).resolve('rocky-live-xfce.ks')
                Files.writeString(ks, "# the r9 XFCE kickstart for $arch, $set set\nlang en_US.UTF-8\n")
            }
        }
        git(repo, 'add', '-A')
        git(repo, 'commit', '-q', '-m', 'r9 kickstarts')
        git(repo, 'checkout', '-q', 'main')
        repo
    }

    private static void git(Path repo, String... args) {
        def result = Cli.exec(['git', '-C', repo.toString(), '-c', 'user.name=Release Engineer',
                               '-c', 'user.email=releng@example.org'] + (args as List))
        assert result.exitCode == 0: result.stderr
    }

    Path writeRecipe(Path kickstarts, String liveOptions) {
        String source = Cli.emptyPeridot(dir.resolve('source'), 'mini9', 'BaseOS', ARCHES)
        Cli.writeRecipe(dir, 'mini9-live.groovy', """\
            // Mini 9's live image, as build-iso-live builds Rocky's: livemedia-creator in mock.
            release 'Mini Linux', short: 'Mini', version: '9.1', rc: 'RC1', final: true, code: 'Spec'
            arches 'x86_64', 'aarch64'

            source peridot, url: '$source', project: 'mini9', hashed: true
            mock config: 'mini-9-{arch}'

            repos {
                repo 'BaseOS', closure: true
            }

            images {
                live 'XFCE', kickstart: 'rocky-live-xfce.ks', arches: ['x86_64', 'aarch64']
            }

            compose {
                sync from: peridot
                live kickstarts: '${kickstarts.toUri()}', on: mock$liveOptions
                finalize()
            }
            """.stripIndent())
    }

    /** The stand-ins, on PATH before the real programs. */
    Path standIns() {
        Path bin = Files.createDirectories(dir.resolve('bin'))
        write(bin.resolve('mock'), '''\
            #!/bin/bash
            # stand-in for mock: checks the argv, records it, takes the chroot's dnf install as done, runs the rest here
            [[ $1 == -r && $2 =~ ^mini-9-(x86_64|aarch64)$ && $3 == --isolation=simple && $4 == --enable-network ]] \\
              || { echo "stand-in mock: bad argv: $*" >&2; exit 2; }
            [[ $5 == --plugin-option=bind_mount:dirs=* ]] || { echo "stand-in mock: no bind mount: $5" >&2; exit 2; }
            [[ $6 =~ ^--uniqueext=live-XFCE-(x86_64|aarch64)$ ]] || { echo "stand-in mock: bad --uniqueext: $6" >&2; exit 2; }
            shift 5
            echo "mock $*" >> "${LIVE_CALLS:?}"
            case $2 in
              --init) exit 0 ;;
              --chroot) [[ $3 == -- ]] || exit 2; shift 3
                        [[ $1 == dnf && $2 == install ]] && exit 0
                        exec "$@" ;;
              *) echo "stand-in mock: unknown command $2" >&2; exit 2 ;;
            esac
            '''.stripIndent())
        write(bin.resolve('ksflatten'), '''\
            #!/bin/bash
            # stand-in for pykickstart's ksflatten -c IN -o OUT: the kickstart, with nothing to include
            [[ $1 == -c && $3 == -o && $# -eq 4 ]] || { echo "stand-in ksflatten: bad argv: $*" >&2; exit 2; }
            [[ -f $2 ]] || { echo "stand-in ksflatten: no kickstart $2" >&2; exit 1; }
            { echo "# flattened by ksflatten"; cat "$2"; } > "$4"
            '''.stripIndent())
        write(bin.resolve('livemedia-creator'), '''\
            #!/bin/bash
            # stand-in for livemedia-creator --no-virt: a real ISO of the kickstart, under the volume id and name given
            while [[ $# -gt 0 ]]; do
              case $1 in
                --ks) ks=$2; shift ;;
                --resultdir) result=$2; shift ;;
                --volid) volid=$2; shift ;;
                --iso-name) name=$2; shift ;;
                --arch=*|--project=*|--releasever=*|--no-virt|--make-iso|--iso-only|--nomacboot) ;;
                *) echo "stand-in livemedia-creator: unknown argument $1" >&2; exit 2 ;;
              esac
              shift
            done
            [[ -e $result ]] && { echo "livemedia-creator: $result exists; remove it or choose another" >&2; exit 1; }
            mkdir -p "$result"
            arch=$(grep -o 'for [a-z0-9_]*' "$ks" | cut -d' ' -f2)
            if [[ -e $LIVE_CONTROL/fail-$arch ]]; then echo "stand-in livemedia-creator: told to fail" >&2; exit 1; fi
            if [[ -e $LIVE_CONTROL/fail-once-$arch ]]; then rm "$LIVE_CONTROL/fail-once-$arch"; exit 1; fi
            mkdir "$result/root" && cp "$ks" "$result/root/ks.cfg"
            xorriso -as mkisofs -quiet -V "$volid" -o "$result/$name" "$result/root"
            '''.stripIndent())
        bin
    }

    private static void write(Path file, String text) {
        Files.writeString(file, text)
        file.toFile().setExecutable(true)
    }

    private static String volumeId(Path iso) {
        def result = Cli.exec(['xorriso', '-indev', iso.toString(), '-pvd_info'])
        assert result.exitCode == 0: result.stderr
        (result.stdout + result.stderr).readLines().find { it.startsWith('Volume Id') }.split(':', 2)[1].trim()
    }

    private String fileOf(Path iso, String path) {
        Path out = dir.resolve("extracted-${iso.fileName}")
        Files.deleteIfExists(out)
        def result = Cli.exec(['xorriso', '-osirrox', 'on', '-indev', iso.toString(), '-extract', path, out.toString()])
        assert result.exitCode == 0: result.stderr
        Files.readString(out)
    }

    /** What the toolkit's get_checksum writes: the size, then the BSD-style SHA-256 line, under the name given. */
    private static String checksum(Path file, String name) {
        String sha = Cli.exec(['sha256sum', file.toString()]).stdout.split(' ')[0]
        "# $name: ${Files.size(file)} bytes\nSHA256 ($name) = $sha\n".toString()
    }
}
