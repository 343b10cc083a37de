package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import spock.lang.Specification
import spock.lang.TempDir

/**
 * How composes fail and coexist, with a small recipe of the same language (tests/src/test/resources/recipes):
 * a broken dependency stops the compose with exit 3 and says which package needs what; two composes of
 * different recipes on one machine at the same time do not collide.
 */
class ComposeFailureSpec extends Specification {

    static final Path MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes')

    @TempDir
    Path out

    def "a package whose dependency nothing provides fails repoclosure: exit 3, the task, the package, the missing dependency"() {
        when:
        def run = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--broken-dependency', '--out', out.toString(),
                '--recipe', MINI.resolve('mini9.groovy').toString())
        Path compose = Files.list(out.resolve('compose/9')).find { it.fileName.toString().startsWith('Mini-9.1-') }
        def journal = Files.readAllLines(compose.resolve('work/journal'))

        then:
        run.exitCode == 3
        run.stackTraceMarkers == []
        ['x86_64', 'aarch64'].every { arch ->
            run.stdout.contains("FAILED repoclosure:AppStream:$arch: dnf exited with status 1") &&
                    run.stdout.contains("unresolved dependency: demo-broken-1.0-1.el9.$arch (AppStream) needs demo-missing-capability")
        }
        run.stdout.contains('skipped finalize (a required dependency failed)')
        run.stdout.contains("relengine: compose ${compose.fileName} is DOOMED")

        and: 'nothing that depends on the failed closure ran: no finalize, no metadata, no latest link'
        journal.any { it.contains('"task":"finalize"') && it.contains('"state":"skipped"') }
        !journal.any { it.contains('"task":"finalize"') && it.contains('"state":"running"') }
        !Files.exists(compose.resolve('compose/metadata/composeinfo.json'))
        !Files.exists(out.resolve('compose/9/latest-Mini-9'))
        Files.readString(compose.resolve('STATUS')) == 'DOOMED\n'

        and: 'what did not depend on it finished'
        ['x86_64', 'aarch64'].every { Files.exists(compose.resolve("work/isos/$it/Mini-9.1-$it-dvd.iso")) }
    }

    def "a source that cannot be reached fails its syncs with the cause named, and the run exits 3"() {
        when: 'nothing listens on port 9 of loopback'
        def run = Cli.run([timeout: 300], 'run', MINI.resolve('mini9.groovy').toString(), '--executor', 'local',
                '--only', 'compose', '--arch', 'x86_64', '--skip-debug', '--root', out.toString(),
                '--source', 'http://127.0.0.1:9/v1/projects')

        then:
        run.exitCode == 3
        run.stackTraceMarkers == []
        run.stdout =~ /FAILED sync:BaseOS:x86_64:os: GET http:\/\/127\.0\.0\.1:9\/\S+\/repodata\/repomd\.xml: cannot connect to 127\.0\.0\.1:9 \(Connection refused\) \(tried 5 times\)/
        run.stdout.contains('  cause: the repo is unreachable (its metadata could not be downloaded)')
        run.stdout.contains('skipped repoclosure:BaseOS:x86_64 (a required dependency failed)')
        run.stdout =~ /relengine: compose Mini-9\.1-\d{8}\.\d{6} is DOOMED/
    }

    def "two composes of different recipes run at the same time on one machine, and both succeed"() {
        when:
        def runs = ['mini9', 'mini8'].collect { name ->
            CompletableFuture.supplyAsync {
                Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--jobs', '2', '--out', out.toString(),
                        '--recipe', MINI.resolve("${name}.groovy").toString())
            }
        }*.get()

        then:
        runs*.exitCode == [0, 0]
        Files.readString(out.resolve('compose/9/latest-Mini-9/STATUS')) == 'FINISHED\n'
        Files.readString(out.resolve('compose/8/latest-Mini-8/STATUS')) == 'FINISHED\n'
        Files.list(out.resolve('compose/9/latest-Mini-9/work/dnf')).anyMatch { it.fileName.toString().startsWith('Mini-9.1-') }
        Files.list(out.resolve('compose/8/latest-Mini-8/work/dnf')).anyMatch { it.fileName.toString().startsWith('Mini-8.1-') }
        Cli.exec(['checkisomd5', out.resolve('compose/8/latest-Mini-8/compose/isos/x86_64/Mini-8.1-x86_64-dvd.iso').toString()]).stderr.contains('the result is: PASS')
    }
}
