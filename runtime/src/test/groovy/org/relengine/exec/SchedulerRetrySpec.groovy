package org.relengine.exec

import org.relengine.exec.ComposeRun
import org.relengine.steps.StepRegistry
import org.relengine.steps.cloud.CloudStep
import org.relengine.steps.sync.SyncStep
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.relengine.effects.LocalEffects
import org.relengine.model.Executor
import org.relengine.model.Step
import org.relengine.plan.Action
import org.relengine.plan.Plan
import org.relengine.plan.Scope
import org.relengine.plan.Task
import org.relengine.plan.TaskKind
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A task with a retry policy runs again, from its first action, after a failed attempt; the task's log and
 * the journal say why; only the last failure counts. Real processes, a real journal, real logs.
 */
class SchedulerRetrySpec extends Specification {

    @TempDir
    Path dir

    /** A task that counts its runs in a file and fails the first {@code failures} of them. */
    Task flaky(int failures, Step.Retry retry) {
        Path counter = dir.resolve('runs')
        String script = "n=\$(cat '$counter' 2>/dev/null || echo 0); n=\$((n + 1)); echo \$n > '$counter'; " +
                "echo run \$n; [ \$n -gt $failures ]"
        new Task('sync:BaseOS:x86_64:os', SyncStep.SYNC, 'BaseOS', 'x86_64', [], [], [], Executor.LOCAL, false,
                [new Action.MakeDirectory(dir.resolve('tree').toString()), new Action.Exec(['sh', '-c', script], null)],
                retry)
    }

    Scheduler.Outcome run(Task task, Journal journal) {
        def plan = new Plan('recipe.groovy', ['recipe.groovy'], 'Mini-9.1', dir.toString(), true, Scope.COMPOSE, null,
                [:], [task])
        def effects = new LocalEffects(dir.resolve('logs'), Duration.ofMinutes(1), StepRegistry.standard(), ComposeRun.producing(), dir.resolve('tmp'))
        new Scheduler(effects, org.relengine.executors.standard.StandardExecutors.registry(), 1, journal, { t, s, f, n, d -> }).run(plan)
    }

    List<String> states(Journal journal) {
        Journal.read(journal.file()).of('sync:BaseOS:x86_64:os')*.state()
    }

    def "a task that fails twice with 2 retries is done on its third attempt, after waits of 1 s and 2 s"() {
        given:
        def journal = new Journal(dir.resolve('journal'))

        when:
        long start = System.nanoTime()
        def outcome = run(flaky(2, new Step.Retry(2, Duration.ofSeconds(1))), journal)
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis()

        then:
        outcome.states() == ['sync:BaseOS:x86_64:os': TaskState.DONE]
        states(journal) == ['running', 'retrying', 'retrying', 'done']
        Journal.read(journal.file()).of('sync:BaseOS:x86_64:os').findAll { it.state() == 'retrying' }
                .collect { [it.exit(), it.reason()] } == [[1, 'sh exited with status 1'], [1, 'sh exited with status 1']]
        Journal.read(journal.file()).finished('sync:BaseOS:x86_64:os') != null
        took >= 3000

        and: 'the log shows every attempt, and why the task ran again'
        def log = Files.readAllLines(dir.resolve('logs/sync_BaseOS_x86_64_os.log'))
        log.findAll { it.startsWith('relengine: ') } == [
                'relengine: attempt 1 of 3 failed (sh exited with status 1); trying again in 1 s',
                'relengine: attempt 2 of 3 failed (sh exited with status 1); trying again in 2 s']
        log.findAll { it.startsWith('run ') } == ['run 1', 'run 2', 'run 3']
    }

    def "a task whose every attempt fails is FAILED after 1 + retries attempts, with the last attempt's reason"() {
        given:
        def journal = new Journal(dir.resolve('journal'))

        when:
        def outcome = run(flaky(5, new Step.Retry(1, Duration.ofSeconds(1))), journal)

        then:
        outcome.states() == ['sync:BaseOS:x86_64:os': TaskState.FAILED]
        outcome.failures() == ['sync:BaseOS:x86_64:os': 'sh exited with status 1']
        states(journal) == ['running', 'retrying', 'failed']
        Files.readString(dir.resolve('runs')).trim() == '2'
        Journal.read(journal.file()).finished('sync:BaseOS:x86_64:os') == null
    }

    def "a task without retries is tried once"() {
        given:
        def journal = new Journal(dir.resolve('journal'))

        when:
        def outcome = run(flaky(1, Step.Retry.NONE), journal)

        then:
        outcome.states() == ['sync:BaseOS:x86_64:os': TaskState.FAILED]
        states(journal) == ['running', 'failed']
        Files.readString(dir.resolve('runs')).trim() == '1'
        !Files.readString(dir.resolve('logs/sync_BaseOS_x86_64_os.log')).contains('relengine: attempt')
    }

    def "a tool that cannot be found is a failure like any other: tried again, then FAILED"() {
        given:
        def journal = new Journal(dir.resolve('journal'))
        def task = new Task('cloud:GenericCloud:x86_64', CloudStep.KIND, null, 'x86_64', [], [], [], Executor.LOCAL,
                false, [new Action.Exec(['relengine-no-such-tool'], null)], new Step.Retry(1, Duration.ofSeconds(1)))

        when:
        def outcome = run(task, journal)

        then:
        outcome.states() == ['cloud:GenericCloud:x86_64': TaskState.FAILED]
        Journal.read(journal.file()).of('cloud:GenericCloud:x86_64')*.state() == ['running', 'retrying', 'failed']
        Files.readString(dir.resolve('logs/cloud_GenericCloud_x86_64.log')).contains(
                'relengine: attempt 1 of 2 failed (relengine-no-such-tool: command not found (relengine doctor lists what is missing)); trying again in 1 s')
    }
}
