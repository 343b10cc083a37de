package org.relengine.effects

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import org.relengine.plan.OperationKey
import org.relengine.plan.ProducerKey
import org.relengine.plan.spi.ProducerContext
import org.relengine.plan.spi.TaskFailure
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * The real effects: commands run as argv with their output in the task's own log and a timeout that kills them,
 * files written whole, internal operations found in the catalog, a stop that kills what runs and refuses what
 * follows, and no secret of a command line in a log. Only sh and sleep are run.
 */
@Timeout(30)
class LocalEffectsSpec extends Specification {

    /** The SHA-256 of `abc`. */
    static final String ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'

    static final ProducerContext PRODUCING = new ProducerContext() {
        long timestamp() {
            1762875753L
        }

        String finishedStatus(Path journal) {
            'FINISHED'
        }
    }

    @TempDir
    Path dir

    LocalEffects effects

    def setup() {
        effects = new LocalEffects(dir.resolve('logs'), Duration.ofMinutes(1), StepRegistry.standard(), PRODUCING,
                dir.resolve('tmp'))
    }

    def "a command's exit status is returned, and its log holds the command line, then what it printed on either stream"() {
        when:
        int exit = effects.exec('extras:dvd:x86_64', ['sh', '-c', 'echo out; echo err >&2; exit 3'], null)
        List<String> lines = Files.readAllLines(dir.resolve('logs/extras_dvd_x86_64.log'))

        then:
        exit == 3
        effects.log('extras:dvd:x86_64') == dir.resolve('logs/extras_dvd_x86_64.log')
        lines.size() == 3
        lines[0] == "\$ sh -c 'echo out; echo err >&2; exit 3'"
        lines[1..2].sort() == ['err', 'out']
    }

    def "a command's standard output goes to the file it names, its standard error to the log"() {
        given:
        Path out = dir.resolve('work/tmp/boot.iso.find')

        when:
        int exit = effects.exec('unpack:x86_64', ['sh', '-c', "echo \"'/'\"; echo warning >&2"], out.toString())

        then:
        exit == 0
        Files.readString(out) == "'/'\n"
        Files.readString(effects.log('unpack:x86_64')) ==
                "\$ sh -c 'echo \"'\\''/'\\''\"; echo warning >&2' > " + out + '\nwarning\n'
    }

    def "a command that runs longer than its timeout is killed, and the task fails saying so"() {
        given:
        LocalEffects quick = new LocalEffects(dir.resolve('logs'), Duration.ofSeconds(1), StepRegistry.standard(),
                PRODUCING, dir.resolve('tmp'))
        long start = System.nanoTime()

        when:
        quick.exec('lorax:x86_64', ['sleep', '5'], null)

        then:
        TaskFailure failure = thrown()
        failure.message == 'sleep ran longer than its timeout (1.0 s) and was killed'
        Duration.ofNanos(System.nanoTime() - start) < Duration.ofSeconds(4)
        Files.readString(quick.log('lorax:x86_64')) == '$ sleep 5\nrelengine: killed after 1.0 s\n'
    }

    def "a program that is not installed fails the task, pointing to relengine doctor"() {
        when:
        effects.exec('sync:BaseOS:x86_64:os', ['relengine-no-such-program', '--help'], null)

        then:
        TaskFailure failure = thrown()
        failure.message == 'relengine-no-such-program: command not found (relengine doctor lists what is missing)'
        Files.readString(effects.log('sync:BaseOS:x86_64:os')) == '$ relengine-no-such-program --help\n' +
                'relengine-no-such-program: command not found (relengine doctor lists what is missing)\n'
    }

    def "a file whose content the plan holds is written whole over the old one, and the log says what it is"() {
        given:
        Path file = dir.resolve('compose/metadata/COMPOSE_ID')
        Files.createDirectories(file.parent)
        Files.writeString(file, 'Rocky-9.6-20250601.000000')

        when:
        effects.writeFile('finalize', file.toString(), ProducerKey.described('compose id'), 'Rocky-9.7-20251111.154233',
                [:])

        then:
        Files.readString(file) == 'Rocky-9.7-20251111.154233'
        Files.list(file.parent).withCloseable { it.toList() } == [file]
        Files.readString(effects.log('finalize')) == 'wrote ' + file + ' (compose id)\n'
    }

    def "a file the plan leaves to a producer is written with what the catalog's producer makes"() {
        given:
        Path iso = dir.resolve('work/isos/x86_64/Rocky-9.7-x86_64-boot.iso')
        Files.createDirectories(iso.parent)
        Files.writeString(iso, 'abc')
        Path checksum = iso.resolveSibling('Rocky-9.7-x86_64-boot.iso.CHECKSUM')

        when:
        effects.writeFile('unpack:x86_64', checksum.toString(), new ProducerKey('file-checksum', 'checksum'), null,
                [file: iso.toString()])

        then:
        Files.readString(checksum) == "# Rocky-9.7-x86_64-boot.iso: 3 bytes\nSHA256 (Rocky-9.7-x86_64-boot.iso) = $ABC\n"
        Files.readString(effects.log('unpack:x86_64')) == 'wrote ' + checksum + ' (checksum)\n'
    }

    def "a producer with nothing to write leaves no file and no line in the log"() {
        given:
        Path images = Files.createDirectories(dir.resolve('compose/images/x86_64'))

        when:
        effects.writeFile('finalize', images.resolve('CHECKSUM').toString(),
                new ProducerKey('merged-checksums', 'CHECKSUM from the per-file .CHECKSUM files'), null,
                [dir: images.toString()])

        then:
        Files.list(images).withCloseable { it.toList() } == []
        !Files.exists(effects.log('finalize'))
    }

    def "an operation no step unit provides fails in the user's words, and the log says so after the action's line"() {
        when:
        effects.internal('finalize', new OperationKey('no-such-operation'), 'tidy the compose', [], [:])

        then:
        TaskFailure failure = thrown()
        failure.message == '`no-such-operation` is not available in this version of relengine'
        Files.readString(effects.log('finalize')) == '# tidy the compose\n' +
                'relengine: `no-such-operation` is not available in this version of relengine\n'
    }

    def "an internal operation's lines follow the action's line in the log"() {
        given:
        Path file = dir.resolve('work/tmp/boot.iso.find')
        Files.createDirectories(file.parent)
        Files.writeString(file, "'/'\n")

        when:
        effects.internal('unpack:x86_64', new OperationKey('remove-file'), 'remove ' + file, [file.toString()],
                [path: file.toString()])

        then:
        !Files.exists(file)
        Files.readString(effects.log('unpack:x86_64')) == '# remove ' + file + '\nremoved ' + file + '\n'
    }

    def "a stop kills the command running and fails it with the reason given"() {
        given:
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync {
            effects.exec('lorax:x86_64', ['sh', '-c', 'echo started; exec sleep 30'], null)
        }
        waitFor { Files.exists(effects.log('lorax:x86_64')) && Files.readString(effects.log('lorax:x86_64')).contains('started\n') }
        long start = System.nanoTime()

        when:
        effects.stop('the run was interrupted (SIGINT)')
        running.get(10, TimeUnit.SECONDS)

        then:
        ExecutionException e = thrown()
        e.cause instanceof TaskFailure
        e.cause.message == 'the run was interrupted (SIGINT)'
        Duration.ofNanos(System.nanoTime() - start) < Duration.ofSeconds(10)
    }

    def "after a stop, #action fails at once with 'not started' and the reason, changing nothing"() {
        given:
        Path file = dir.resolve('compose/metadata/COMPOSE_ID')
        effects.stop('the run was interrupted (SIGINT)')

        when:
        perform(effects, file)

        then:
        TaskFailure failure = thrown()
        failure.message == 'not started: the run was interrupted (SIGINT)'
        !Files.exists(file)

        where:
        action                  | perform
        'a command'             | { LocalEffects e, Path f -> e.exec('finalize', ['sh', '-c', 'echo x > "$1"', 'sh', f.toString()], null) }
        'a write'               | { LocalEffects e, Path f -> e.writeFile('finalize', f.toString(), ProducerKey.described('compose id'), 'id', [:]) }
        'an internal operation' | { LocalEffects e, Path f -> e.internal('finalize', new OperationKey('write-private-file'), 'write ' + f, [f.toString()], [path: f.toString(), content: 'x']) }
        'a directory'           | { LocalEffects e, Path f -> e.makeDirectory('finalize', f.toString()) }
        'a link'                | { LocalEffects e, Path f -> e.symlink('finalize', f.toString(), 'Rocky-9.7') }
    }

    def "the secret of a URL in a command line is hidden in the log: #why"() {
        when:
        effects.exec('sync:BaseOS:x86_64:os', ['sh', '-c', 'exit 0', 'sh', url], null)

        then:
        Files.readString(effects.log('sync:BaseOS:x86_64:os')) == "\$ sh -c 'exit 0' sh " + shown + '\n'

        where:
        why                                 | url                                              | shown
        'a password after the user'         | 'https://user:secret@host/'                      | 'https://user:***@host/'
        'a token without a user is whole'   | 'https://ghp_0123456789abcdef@github.com/x.git'  | 'https://***@github.com/x.git'
        'a password holding an @'           | 'https://user:p@ss@mirror.example/BaseOS/'       | 'https://user:***@mirror.example/BaseOS/'
    }

    private static void waitFor(Closure<Boolean> condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos()
        while (!condition()) {
            if (System.nanoTime() > until) {
                throw new AssertionError('not reached within 10 s')
            }
            Thread.sleep(20)
        }
    }
}
