package org.relengine.exec

import org.relengine.steps.finalize.FinalizeStep
import org.relengine.steps.extras.ExtrasStep
import org.relengine.steps.sync.SyncStep
import org.relengine.steps.prepare.PrepareStep
import java.nio.file.Path
import java.time.Instant
import java.time.InstantSource
import org.relengine.model.Executor
import org.relengine.plan.Action
import org.relengine.plan.Plan
import org.relengine.plan.PlanOptions
import org.relengine.plan.Scope
import org.relengine.plan.Task
import org.relengine.plan.TaskKind

/**
 * A five-task plan of two stages, and its run told to observers event by event on a clock the spec moves:
 * prepare and the sync are done, the closure fails, the failable DVD fails, finalize is skipped.
 */
class TinyRun {

    static final Instant T0 = Instant.parse('2025-03-01T10:00:00Z')

    Instant now = T0
    final InstantSource clock = { -> now } as InstantSource
    final Path logs
    final Plan plan
    final RunRecord record = new RunRecord(clock, 2)
    final List<RunObserver> observers = [record]

    TinyRun(Path logs) {
        this.logs = logs
        plan = new Plan('recipes/tiny.groovy', ['recipes/tiny.groovy'], 'Tiny-9.1-20250301.100000',
                logs.parent.toString(), true, Scope.ALL, PlanOptions.fullRun(), [:], [
                task('prepare', PrepareStep.KIND, [], false, false),
                task('sync:BaseOS:x86_64:os', SyncStep.SYNC, ['prepare']),
                task('repoclosure:BaseOS:x86_64', SyncStep.REPOCLOSURE, ['sync:BaseOS:x86_64:os']),
                task('extras:dvd:x86_64', ExtrasStep.KIND, ['prepare'], true),
                task('finalize', FinalizeStep.KIND, ['repoclosure:BaseOS:x86_64', 'extras:dvd:x86_64'], false, false)])
    }

    static Task task(String id, TaskKind kind, List<String> dependsOn, boolean failable = false, boolean exec = true) {
        new Task(id, kind, null, null, dependsOn, [], [], Executor.LOCAL, failable,
                exec ? [new Action.Exec(['true'])] as List<Action> : [new Action.MakeDirectory('/tmp')] as List<Action>)
    }

    /** The log a task writes: {@code work/logs/<id, colons as underscores>.log}, as the local effects name it. */
    Path log(String id) {
        logs.resolve(id.replace(':', '_') + '.log')
    }

    void at(long seconds) {
        now = T0.plusSeconds(seconds)
    }

    void start() {
        observers*.started(plan, { String id -> log(id) } as java.util.function.Function<String, Path>)
    }

    void event(String id, TaskState state, int finished, String detail = null) {
        Task task = plan.task(id).orElseThrow()
        observers.each { it.changed(task, state, finished, plan.tasks().size(), detail) }
    }

    /** Up to the moment the closure runs, 15 s in. */
    void firstHalf() {
        start()
        event('prepare', TaskState.RUNNING, 0)
        at(2)
        event('prepare', TaskState.DONE, 1)
        event('sync:BaseOS:x86_64:os', TaskState.RUNNING, 1)
        event('extras:dvd:x86_64', TaskState.RUNNING, 1)
        at(12)
        event('sync:BaseOS:x86_64:os', TaskState.DONE, 2)
        event('repoclosure:BaseOS:x86_64', TaskState.RUNNING, 2)
        at(15)
    }

    /** From there to the end, 25 s in. */
    void secondHalf() {
        at(20)
        event('repoclosure:BaseOS:x86_64', TaskState.FAILED, 3, 'dnf exited with status 1')
        at(25)
        event('extras:dvd:x86_64', TaskState.FAILED, 4, 'xorriso exited with status 5')
        event('finalize', TaskState.SKIPPED, 5)
        observers*.finished()
    }
}
