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
        def demo = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--out', root.toString(), '--recipe', MINI.toString())
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
