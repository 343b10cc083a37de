package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import spock.lang.Shared
import spock.lang.Specification

/**
 * Publishing is guarded: a sync that would put a half-written compose in front of mirrors, or delete much
 * of a published tree, is refused with its reason, and the published trees stay byte for byte as they were.
 * Each feature starts from a published compose of the small test recipe (made once by the demo).
 */
class PublishGuardSpec extends Specification {

    static final Path MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')

    @Shared Path root = Files.createTempDirectory('relengine-publish')
    @Shared Path compose

    def setupSpec() {
        def demo = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--out', root.toString(), '--recipe', MINI.toString())
        assert demo.exitCode == 0: demo.stdout + demo.stderr
        compose = root.resolve('compose/9/latest-Mini-9')
    }

    /** Every path under the published roots with its type, size and content digest. */
    Map<String, String> published() {
        Map<String, String> state = new TreeMap<>()
        ['staging', 'production'].each { top ->
            Path dir = root.resolve(top)
            Files.walk(dir).withCloseable { stream ->
                stream.forEach { Path p ->
                    String key = root.relativize(p).toString()
                    state[key] = Files.isSymbolicLink(p) ? 'link ' + Files.readSymbolicLink(p)
                            : Files.isDirectory(p) ? 'dir' : Files.size(p) + ' ' + digest(p)
                }
            }
        }
        state
    }

    static String digest(Path file) {
        MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)).encodeHex().toString()
    }

    Cli.Result publish(String... more) {
        Cli.run([timeout: 300], (['run', MINI.toString(), '--only', 'publish', '--executor', 'local',
                                  '--root', root.toString(), '--confirm'] + (more as List)) as String[])
    }

    def "the published trees exist before each feature"() {
        expect:
        Files.isRegularFile(root.resolve('production/mirror/pub/rocky/9.1/BaseOS/x86_64/os/repodata/repomd.xml'))
        Files.readAllLines(root.resolve('production/mirror/pub/rocky/fullfiletimelist-rocky')).last() == '[End]'
        Files.isDirectory(root.resolve('staging/mirror/pub/rocky/9.1-RC1'))
    }

    def "beside the staged release are the links the minor-release script makes: latest-9 and 9.1, relative"() {
        given:
        Path rocky = root.resolve('staging/mirror/pub/rocky')

        expect:
        Files.readSymbolicLink(rocky.resolve('latest-9')) == Path.of('9.1-RC1')
        Files.readSymbolicLink(rocky.resolve('9.1')) == Path.of('9.1-RC1')
        Files.isRegularFile(rocky.resolve('latest-9/BaseOS/x86_64/os/repodata/repomd.xml'))
        Files.readString(compose.resolve('work/logs/stage.log')).contains('linked ' + rocky.resolve('latest-9') + ' -> 9.1-RC1\n')
    }

    def "a delete-sync from a compose that is not FINISHED is refused, and nothing published changes"() {
        given:
        def before = published()
        Files.writeString(compose.resolve('STATUS'), 'STARTED\n')

        when:
        def run = publish()

        then:
        run.exitCode == 3
        run.stdout.contains('FAILED stage: refusing a delete-sync from ' + compose.toRealPath().resolve('compose')
                + ': its compose is STARTED, not FINISHED') ||
                run.stdout.contains('FAILED stage: refusing a delete-sync from ' + compose.resolve('compose')
                        + ': its compose is STARTED, not FINISHED')
        run.stdout.contains('skipped promote (a required dependency failed)')
        published() == before

        cleanup:
        Files.writeString(compose.resolve('STATUS'), 'FINISHED\n')
    }

    def "a compose with an os tree but no repomd.xml is refused, and nothing published changes"() {
        given:
        def before = published()
        Path repomd = compose.resolve('compose/AppStream/aarch64/os/repodata/repomd.xml')
        Path aside = repomd.resolveSibling('repomd.xml.aside')
        Files.move(repomd, aside)

        when:
        def run = publish()

        then:
        run.exitCode == 3
        run.stdout.contains('AppStream/aarch64/os has no repodata/repomd.xml')
        published() == before

        cleanup:
        Files.move(aside, repomd)
    }

    def "a delete-sync that would delete more than 10 % of the target is refused; --allow-deletions lets it through"() {
        given: 'the compose lost its AppStream: staging would lose far more than a tenth of its files'
        def before = published()
        Path appstream = compose.resolve('compose/AppStream')
        Path aside = compose.resolve('AppStream.aside')
        Files.move(appstream, aside)

        when:
        def refused = publish()

        then:
        refused.exitCode == 3
        refused.stdout =~ /FAILED stage: refusing a delete-sync into .*9\.1-RC1: it would delete \d+ of its \d+ files \(\d+ %\), more than the 10 % allowed/
        published() == before

        when:
        def allowed = publish('--allow-deletions', '100')

        then:
        allowed.exitCode == 0
        !Files.exists(root.resolve('staging/mirror/pub/rocky/9.1-RC1/AppStream'))
        !Files.exists(root.resolve('production/mirror/pub/rocky/9.1/AppStream/x86_64/os/Packages'))

        and: 'production keeps the old repodata for its grace period, but not the repomd.xml that named it'
        !Files.exists(root.resolve('production/mirror/pub/rocky/9.1/AppStream/x86_64/os/repodata/repomd.xml'))
        Files.list(root.resolve('production/mirror/pub/rocky/9.1/AppStream/x86_64/os/repodata')).count() > 0

        cleanup:
        Files.move(aside, appstream)
        assert publish('--allow-deletions', '100').exitCode == 0
    }

    def "a symlink out of the compose is refused by the staging guard, naming the link, its target and a fix: #kind"() {
        given:
        def before = published()
        Path link = compose.resolve('compose/' + name)
        String to = target == '<the DVD>' ? isoOf('x86_64').toString() : target
        Files.createSymbolicLink(link, Path.of(to))

        when:
        def run = publish()

        then:
        run.exitCode == 3
        run.stdoutLines.find { it.startsWith('FAILED stage: ') } in [compose.resolve('compose'), compose.toRealPath().resolve('compose')]
                .collect { "FAILED stage: refusing to publish $it: the link $name -> $to $why; make it a relative link to a file inside the tree, or remove it".toString() }
        run.stdout.contains('skipped promote (a required dependency failed)')
        published() == before

        cleanup:
        Files.deleteIfExists(link)

        where:
        kind                                 | name                                | target                       | why
        'an absolute link'                   | 'metadata/passwd'                   | '/etc/passwd'                | "is an absolute path, which on a mirror leads to nothing or to a file of the mirror's own"
        'an absolute link into the compose'  | 'isos/x86_64/boot.iso'              | '<the DVD>'                  | "is an absolute path, which on a mirror leads to nothing or to a file of the mirror's own"
        'a relative link climbing out'       | 'BaseOS/x86_64/os/etc'              | '../../../../../../../../etc' | 'leads out of the published tree'
        'a link out and back in by the tree\'s name' | 'metadata/eula'             | '../../compose/metadata/EULA' | 'leads out of the published tree'
        'a link to nothing'                  | 'metadata/gone'                     | 'no-such-file'               | 'leads to nothing'
    }

    /** The compose's DVD of an arch, by its absolute path. */
    Path isoOf(String arch) {
        Files.list(compose.resolve("compose/isos/$arch")).withCloseable { files ->
            files.filter { it.fileName.toString().endsWith('-dvd.iso') && !Files.isSymbolicLink(it) }.findFirst().get()
        }
    }

    /** Every link under a tree, relative to it, with its target. */
    static Map<String, String> links(Path tree) {
        Map<String, String> links = new TreeMap<>()
        Files.walk(tree).withCloseable { stream ->
            stream.filter { Files.isSymbolicLink(it) }.forEach { Path p ->
                links[tree.relativize(p).toString()] = Files.readSymbolicLink(p).toString()
            }
        }
        links
    }

    def "the compose's own links, the relative ISO aliases, pass the guard and are published as the same links"() {
        when:
        def run = publish()

        then:
        run.exitCode == 0
        def own = links(compose.resolve('compose'))
        own.keySet().containsAll(['isos/x86_64/Mini-x86_64-dvd.iso', 'isos/aarch64/Mini-9-latest-aarch64-boot.iso'])
        own['isos/x86_64/Mini-x86_64-dvd.iso'] == 'Mini-9.1-x86_64-dvd.iso'
        own['isos/x86_64/Mini-x86_64-dvd.iso.manifest'] == 'Mini-9.1-x86_64-dvd.iso.manifest'
        own['isos/x86_64/Mini-9-latest-x86_64-dvd.iso.manifest'] == 'Mini-9.1-x86_64-dvd.iso.manifest'
        own['isos/aarch64/Mini-9-latest-aarch64-boot.iso.manifest'] == 'Mini-9.1-aarch64-boot.iso.manifest'
        !own.containsKey('isos/aarch64/Mini-aarch64-boot.iso.manifest')
        Files.isRegularFile(root.resolve('production/mirror/pub/rocky/9.1/isos/x86_64/Mini-9-latest-x86_64-dvd.iso.manifest'))
        links(root.resolve('staging/mirror/pub/rocky/9.1-RC1')) == own
        links(root.resolve('production/mirror/pub/rocky/9.1')) == own
        Files.readString(compose.resolve('work/logs/stage.log')).contains(own.size() + ' links in ')
    }

    def "publishing to production needs --confirm: without it nothing runs"() {
        given:
        def before = published()

        when:
        def run = Cli.run([timeout: 120], 'run', MINI.toString(), '--only', 'publish', '--executor', 'local',
                '--root', root.toString())

        then:
        run.exitCode == 1
        run.stderr.startsWith('relengine: this run publishes to production (' + root.resolve('production/mirror/pub/rocky/9.1'))
        run.stderr.contains('give --confirm, or save the plan with `relengine plan --out PLAN`')
        published() == before
    }

    /** Every repomd.xml under the production tree names only files that are there. */
    List<String> dangling() {
        Path production = root.resolve('production/mirror/pub/rocky/9.1')
        List<String> missing = []
        Files.walk(production).withCloseable { stream ->
            stream.filter { it.fileName.toString() == 'repomd.xml' }.forEach { Path repomd ->
                (Files.readString(repomd) =~ /href="([^"]+)"/).each { match ->
                    Path file = repomd.parent.parent.resolve(match[1] as String)
                    if (!Files.exists(file)) {
                        missing << production.relativize(file).toString()
                    }
                }
            }
        }
        missing
    }

    def "promotion interrupted after each phase never leaves a repomd.xml naming a file that is not there"() {
        given: 'new repodata (new file names) in the compose, synced to staging'
        Path os = compose.resolve('compose/BaseOS/x86_64/os')
        assert Cli.exec(['createrepo_c', '--quiet', '--checksum', 'sha512', os.toString()]).exitCode == 0
        def plan = new groovy.json.JsonSlurper().parseText(Cli.run('plan', MINI.toString(), '--only', 'publish',
                '--root', root.toString(), '--format', 'json').stdout)
        def stage = plan.tasks.find { it.id == 'stage' }.commands.last()
        def promote = plan.tasks.find { it.id == 'promote' }.commands
        assert Cli.exec(stage as List<String>).exitCode == 0
        String oldRepomd = Files.readString(root.resolve('production/mirror/pub/rocky/9.1/BaseOS/x86_64/os/repodata/repomd.xml'))

        expect: 'each phase run on its own, as if the next never came'
        promote.size() == 3
        dangling() == []
        Cli.exec(promote[0] as List<String>).exitCode == 0
        dangling() == []
        Files.readString(root.resolve('production/mirror/pub/rocky/9.1/BaseOS/x86_64/os/repodata/repomd.xml')) == oldRepomd
        Cli.exec(promote[1] as List<String>).exitCode == 0
        dangling() == []
        Files.readString(root.resolve('production/mirror/pub/rocky/9.1/BaseOS/x86_64/os/repodata/repomd.xml')) == oldRepomd
        Cli.exec(promote[2] as List<String>).exitCode == 0
        dangling() == []
        Files.readString(root.resolve('production/mirror/pub/rocky/9.1/BaseOS/x86_64/os/repodata/repomd.xml')) != oldRepomd
        Files.readString(root.resolve('production/mirror/pub/rocky/9.1/BaseOS/x86_64/os/repodata/repomd.xml')).contains('sha512')
    }

    def "promotion copies payload, then repodata, then repomd.xml: a mirror never sees metadata naming absent files"() {
        when:
        def plan = new groovy.json.JsonSlurper().parseText(Cli.run('plan', MINI.toString(), '--only', 'publish',
                '--root', root.toString(), '--format', 'json').stdout)
        def rsyncs = plan.tasks.find { it.id == 'promote' }.commands

        then:
        rsyncs.size() == 3
        rsyncs[0].contains('--exclude=repodata/') && !rsyncs[0].contains('--delete')
        rsyncs[1].contains('--exclude=repomd.xml*') && !rsyncs[1].contains('--delete')
        rsyncs[2].contains('--delete') && rsyncs[2].contains('--delete-after') && rsyncs[2].contains('--filter=protect devel')
        rsyncs[2].takeRight(4).take(2) == ['--filter=risk repodata/repomd.xml*', '--filter=protect repodata/*']
    }
}
