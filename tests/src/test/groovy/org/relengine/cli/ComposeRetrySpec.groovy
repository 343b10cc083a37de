package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A sync with `retries` survives a mirror that fails now and then: a small real compose (the demo with
 * tests/src/test/resources/recipes/mini9.groovy, on x86_64) where a `dnf` in front of the real one on PATH
 * fails the reposync of BaseOS x86_64 os the first times it is called, then hands over to the real dnf.
 */
class ComposeRetrySpec extends Specification {

    static final String TASK = 'sync:BaseOS:x86_64:os'

    @TempDir
    Path tmp

    /** mini9 on x86_64 alone, its sync with the retry options given. */
    Path recipe(String retry) {
        Cli.copyRecipe(tmp.resolve('recipes'), '../tests/src/test/resources/recipes/mini9.groovy', [
                "arches 'x86_64', 'aarch64'"      : "arches 'x86_64'",
                'sync from: peridot, delete: true': 'sync from: peridot, delete: true, engine: dnf, ' + retry], 'mini9.groovy')
    }

    /**
     * A directory with a `dnf` that fails the first {@code failures} reposyncs of BaseOS x86_64 os (counted in
     * a file beside it) and runs the real dnf for everything else.
     */
    Path flakyDnf(int failures) {
        Path bin = Files.createDirectories(tmp.resolve('bin'))
        String real = Cli.exec(['sh', '-c', 'command -v dnf']).stdout.trim()
        Path counter = tmp.resolve('reposync-calls')
        Path dnf = bin.resolve('dnf')
        Files.writeString(dnf, """#!/bin/sh
case " \$* " in
    *" reposync "*" --repoid=BaseOS-x86_64 "*"/BaseOS/x86_64/os "*)
        n=\$(cat '$counter' 2>/dev/null || echo 0)
        n=\$((n + 1))
        echo \$n > '$counter'
        if [ \$n -le $failures ]; then
            echo "flaky mirror: call \$n fails" >&2
            exit 1
        fi
        ;;
esac
exec '$real' "\$@"
""")
        Files.setPosixFilePermissions(dnf, PosixFilePermissions.fromString('rwxr-xr-x'))
        bin
    }

    Cli.Result demo(Path recipe, Path bin) {
        Cli.run([env: DemoSpec.ENV + [PATH: bin.toString() + ':' + System.getenv('PATH')], timeout: 600], 'demo', '--executor', 'local',
                '--out', tmp.resolve('out').toString(), '--recipe', recipe.toString())
    }

    Path compose() {
        Files.list(tmp.resolve('out/compose/9')).find { it.fileName.toString() ==~ /Mini-9\.1-\d{8}\.\d{6}/ }
    }

    List<String> journal(String task) {
        Files.readAllLines(compose().resolve('work/journal')).findAll { it.contains('"task":"' + task + '"') }
    }

    def "a reposync that fails twice is retried twice and the compose finishes"() {
        when:
        def run = demo(recipe("retries: 2, retryDelay: '1s'"), flakyDnf(2))

        then:
        run.exitCode == 0
        run.stackTraceMarkers == []
        Files.readString(compose().resolve('STATUS')) == 'FINISHED\n'
        Files.readString(tmp.resolve('reposync-calls')).trim() == '3'

        and: 'the journal has two retrying lines for the task, each with the reason, then done'
        def lines = journal(TASK)
        lines.collect { (it =~ /"state":"(\w+)"/)[0][1] } == ['running', 'retrying', 'retrying', 'done']
        lines.findAll { it.contains('"state":"retrying"') }.every {
            it.contains('"exit":1') && it.contains('"reason":"dnf exited with status 1"')
        }

        and: 'the log shows each failed attempt, the wait before the next, and the real reposync that followed'
        def log = Files.readAllLines(compose().resolve('work/logs/sync_BaseOS_x86_64_os.log'))
        log.findAll { it.startsWith('relengine: attempt') } == [
                'relengine: attempt 1 of 3 failed (dnf exited with status 1); trying again in 1 s',
                'relengine: attempt 2 of 3 failed (dnf exited with status 1); trying again in 2 s']
        log.count { it == 'flaky mirror: call 1 fails' || it == 'flaky mirror: call 2 fails' } == 2
        Files.isRegularFile(compose().resolve('compose/BaseOS/x86_64/os/repodata/repomd.xml'))

        and: 'tasks of the same step that did not fail were tried once'
        journal('sync:AppStream:x86_64:os').collect { (it =~ /"state":"(\w+)"/)[0][1] } == ['running', 'done']
    }

    def "a reposync that keeps failing is FAILED after 1 + retries attempts, and the run exits 3"() {
        when:
        def run = demo(recipe("retries: 1, retryDelay: '1s'"), flakyDnf(99))

        then:
        run.exitCode == 3
        run.stackTraceMarkers == []
        run.stdout.contains("FAILED $TASK: dnf exited with status 1")
        run.stdout.contains("relengine: compose ${compose().fileName} is DOOMED")
        Files.readString(tmp.resolve('reposync-calls')).trim() == '2'
        journal(TASK).collect { (it =~ /"state":"(\w+)"/)[0][1] } == ['running', 'retrying', 'failed']
        Files.readAllLines(compose().resolve('work/logs/sync_BaseOS_x86_64_os.log'))
                .findAll { it.startsWith('relengine: attempt') } ==
                ['relengine: attempt 1 of 2 failed (dnf exited with status 1); trying again in 1 s']
    }
}
