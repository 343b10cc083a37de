package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

/**
 * --resume checks what it reuses: every finished task's outputs were recorded (sizes, times, digests of small
 * files), and a task whose outputs were deleted, truncated or edited since runs again, as the tasks that
 * read them do, until the compose is whole; the task's log and `explain` say why. `--verify full` also
 * catches an edit that kept the size and the time.
 */
@Stepwise
class ResumeVerifySpec extends Specification {

    @Shared
    @TempDir
    Path out

    def "a demo compose to damage"() {
        expect:
        Cli.run([env: DemoSpec.ENV, timeout: 900], 'demo', '--executor', 'local', '--out', out.toString()).exitCode == 0
    }

    def "a deleted package: explain names it, and the resume syncs its tree again"() {
        given:
        Path rpm = compose().resolve('compose/BaseOS/x86_64/os/Packages/d/demo-baseos-1.0-1.el9.x86_64.rpm')
        long size = Files.size(rpm)
        Files.delete(rpm)

        when:
        def explain = Cli.run([timeout: 120], 'explain', 'sync:BaseOS:x86_64:os', '--compose', compose().toString())
        def run = resume()

        then:
        explain.stdout.contains("  - its output $rpm is gone\n")
        run.exitCode == 0
        done(run).contains('sync:BaseOS:x86_64:os')
        log('sync:BaseOS:x86_64:os').contains("runs again: its output $rpm is gone")
        Files.size(rpm) == size
        resume().stdout.contains('relengine: nothing to do: all 310 tasks finished in an earlier run')
    }

    def "a truncated DVD in the compose: the resume builds it again, and the boot tree it was built from"() {
        given:
        Path dvd = compose().resolve('compose/isos/x86_64/Rocky-9.7-x86_64-dvd.iso')
        long size = Files.size(dvd)
        Files.write(dvd, Files.readAllBytes(dvd)[0..<100_000] as byte[])

        when:
        def explain = Cli.run([timeout: 120], 'explain', 'extras:dvd:x86_64', '--compose', compose().toString())
        def run = resume()

        then:
        explain.stdout.contains("  - its output $dvd changed size: $size bytes when it finished, 100000 now\n")
        run.exitCode == 0
        done(run).containsAll(['unpack:x86_64', 'extras:dvd:x86_64', 'finalize', 'stage', 'promote'])
        !done(run).contains('extras:dvd:aarch64')

        and: 'finalize moved the boot tree the disc is built from into the compose: it is made again first'
        log('unpack:x86_64').contains('runs again: its outputs were moved on by finalize, and extras:dvd:x86_64, '
                + 'which reads them, runs again')
        Files.size(dvd) == size
        Cli.exec(['checkisomd5', dvd.toString()]).stderr.contains('the result is: PASS')
        resume().stdout.contains('relengine: nothing to do: all 310 tasks finished in an earlier run')
    }

    def "an edit that keeps the size and the time passes the quick check; --verify full finds it and finalize writes the file again"() {
        given:
        Path info = compose().resolve('compose/metadata/composeinfo.json')
        String original = Files.readString(info)
        FileTime time = Files.getLastModifiedTime(info)
        Files.writeString(info, original.replace('"Rocky Linux"', '"Rocky Linu_"'))
        Files.setLastModifiedTime(info, time)

        when:
        def quick = resume()

        then:
        quick.stdout.contains('relengine: nothing to do')
        Files.readString(info).contains('"Rocky Linu_"')

        when:
        def full = resume('--verify', 'full')

        then:
        full.exitCode == 0
        done(full).contains('finalize')
        log('finalize').contains("runs again: its output $info changed content (SHA-256 differs from the one recorded)")
        Files.readString(info) == original
    }

    def "--verify takes quick or full, nothing else"() {
        when:
        def run = resume('--verify', 'fast')

        then:
        run.exitCode == 64
        run.stderr.startsWith("relengine: Invalid value for option '--verify': 'fast' is not quick or full\n")
    }

    private Cli.Result resume(String... more) {
        Cli.run([env: DemoSpec.ENV, timeout: 600], (['demo', '--executor', 'local', '--out', out.toString(), '--resume'] + (more as List)) as String[])
    }

    private static List<String> done(Cli.Result run) {
        run.stdout.readLines().findResults { String line ->
            def m = line =~ /^\[\d+\/\d+\] done\s+(\S+)$/
            m.matches() ? m.group(1) : null
        }
    }

    private Path compose() {
        out.resolve('compose/9/latest-Rocky-9').toRealPath()
    }

    private String log(String task) {
        Files.readString(compose().resolve('work/logs/' + task.replace(':', '_') + '.log'))
    }
}
