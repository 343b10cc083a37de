package org.relengine.exec

import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger
import org.relengine.effects.Effects
import org.relengine.model.Step
import org.relengine.executors.ExecutorRegistry
import org.relengine.plan.Action
import org.relengine.plan.OperationKey
import org.relengine.plan.ProducerKey
import org.relengine.plan.spi.TaskFailure
import org.relengine.plan.Task
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import static org.relengine.plan.TestTasks.plan
import static org.relengine.plan.TestTasks.task

/**
 * The scheduler's contract with effects that only record: a task starts once its dependencies are done, at
 * most {@code jobs} at a time; each action goes to its effect, in order, until one fails; a failed required
 * task skips every task after it, a failed failable one holds nothing back; a retry starts again from the
 * first action; a journal that cannot be written stops the run.
 */
@Timeout(20)
class SchedulerSpec extends Specification {

    @TempDir
    Path dir

    FakeEffects effects = new FakeEffects()
    List<List<Object>> changes = [].asSynchronized()
    Scheduler.Listener listener = { Task t, TaskState s, int finished, int total, String detail ->
        changes << [t.id(), s, finished, total, detail]
    } as Scheduler.Listener

    Scheduler.Outcome run(List<Task> tasks, int jobs = 1, Journal journal = null) {
        new Scheduler(effects, org.relengine.executors.standard.StandardExecutors.registry(), jobs, journal, listener).run(plan(dir, tasks))
    }

    /** An exec that names its task, so the calls say which task ran when. */
    static Action exec(String word) {
        new Action.Exec([word])
    }

    /** prepare → sync → repoclosure → finalize, and prepare → extras → finalize. */
    static List<Task> pipeline(boolean extrasFailable = false) {
        [task('prepare', [], [exec('prepare')]),
         task('sync', ['prepare'], [exec('sync')]),
         task('repoclosure', ['sync'], [exec('repoclosure')]),
         task('extras', ['prepare'], [exec('extras')], failable: extrasFailable),
         task('finalize', ['repoclosure', 'extras'], [exec('finalize')])]
    }

    def "every task starts after each of its dependencies has ended"() {
        given:
        effects.millis = 20

        when:
        def outcome = run(pipeline(), 4)

        then:
        outcome.states().values().toSet() == [TaskState.DONE] as Set
        before('prepare', 'sync')
        before('prepare', 'extras')
        before('sync', 'repoclosure')
        before('repoclosure', 'finalize')
        before('extras', 'finalize')
    }

    def "with one job, each time it is free the first task in plan order whose dependencies are done starts"() {
        when:
        run([task('finalize', ['sync'], [exec('finalize')]), task('prepare', [], [exec('prepare')]),
             task('sync', ['prepare'], [exec('sync')]), task('extras', [], [exec('extras')])])

        then:
        effects.calls == ['prepare: exec prepare', 'sync: exec sync', 'finalize: exec finalize', 'extras: exec extras']
    }

    def "a failed required task skips every task after it; the others still run"() {
        given:
        effects.exits.sync = [1]

        when:
        def outcome = run(pipeline())

        then:
        outcome.states() == [prepare: TaskState.DONE, sync: TaskState.FAILED, repoclosure: TaskState.SKIPPED,
                             extras: TaskState.DONE, finalize: TaskState.SKIPPED]
        outcome.failures() == [sync: 'sync exited with status 1']
        effects.calls.toSorted() == ['extras: exec extras', 'prepare: exec prepare', 'sync: exec sync']
        outcome.ids(TaskState.SKIPPED) == ['repoclosure', 'finalize']
    }

    def "a failed failable task holds back none of its dependants"() {
        given:
        effects.exits.extras = [5]

        when:
        def outcome = run(pipeline(true))

        then:
        outcome.states() == [prepare: TaskState.DONE, sync: TaskState.DONE, repoclosure: TaskState.DONE,
                             extras: TaskState.FAILED, finalize: TaskState.DONE]
        outcome.failures() == [extras: 'extras exited with status 5']
        effects.calls.contains('finalize: exec finalize')
    }

    def "a dependant of a failed #kind dependency is #state"() {
        given:
        effects.exits.a = [1]

        when:
        def outcome = run([task('a', [], [exec('a')], failable: failable), task('b', ['a'], [exec('b')]),
                           task('c', ['b'], [exec('c')])])

        then:
        outcome.states() == [a: TaskState.FAILED, b: state, c: state]
        effects.calls.contains('c: exec c') == (state == TaskState.DONE)

        where:
        kind       | failable || state
        'required' | false    || TaskState.SKIPPED
        'failable' | true     || TaskState.DONE
    }

    def "the listener hears each task run and end, and each skip, with how many have ended of how many"() {
        given:
        effects.exits.a = [2]

        when:
        run([task('a', [], [exec('a')]), task('b', ['a'], [exec('b')]), task('c', [], [exec('c')])])

        then:
        changes == [['a', TaskState.RUNNING, 0, 3, null],
                    ['a', TaskState.FAILED, 1, 3, 'a exited with status 2'],
                    ['b', TaskState.SKIPPED, 2, 3, null],
                    ['c', TaskState.RUNNING, 2, 3, null],
                    ['c', TaskState.DONE, 3, 3, null]]
    }

    def "with jobs = #jobs at most #most tasks run at once"() {
        given:
        effects.meet = most
        effects.millis = 20

        when:
        def outcome = run((1..6).collect { task("t$it", [], [exec("t$it")]) }, jobs)

        then:
        outcome.ids(TaskState.DONE).size() == 6
        effects.most.get() == most

        where:
        jobs || most
        0    || 1
        1    || 1
        2    || 2
        3    || 3
        8    || 6
    }

    def "pooled tasks take no slot: with one job, four of them run beside one other task"() {
        given:
        effects.meet = 5
        effects.millis = 20
        def tasks = (1..4).collect { task("pooled$it", [], [exec("pooled$it")]) } +
                (1..2).collect { task("slot$it", [], [exec("slot$it")]) }

        when:
        def outcome = new Scheduler(effects, org.relengine.executors.standard.StandardExecutors.registry(), 1, null,
                listener).pooled { it.id().startsWith('pooled') }.run(plan(dir, tasks))

        then:
        outcome.ids(TaskState.DONE).size() == 6
        effects.most.get() == 5
        !(before('slot1', 'slot2') && before('slot2', 'slot1'))
        before('slot1', 'slot2') || before('slot2', 'slot1')
    }

    def "every action goes to its effect, with the task's id, in the task's order"() {
        given:
        def actions = [
                new Action.MakeDirectory('/c/BaseOS'),
                new Action.Exec(['dnf', 'reposync'], '/c/out'),
                new Action.WriteFile('/c/COMPOSE_ID', ProducerKey.described('compose id'), 'Mini-9.1', [:]),
                new Action.Symlink('/c/latest', 'Mini-9.1'),
                new Action.Internal(Action.Internal.MOVE_DIRECTORY, 'move work into compose', ['/c/x'], [from: '/w', to: '/c/x']),
                new Action.Probe(new OperationKey('preview-publish'), 'what the sync would change', [target: '/m'])]

        when:
        def outcome = run([task('t', [], actions)])

        then:
        outcome.states() == [t: TaskState.DONE]
        effects.calls == ['t: mkdir /c/BaseOS', 't: exec dnf reposync > /c/out',
                          't: write /c/COMPOSE_ID compose id Mini-9.1 [:]', 't: symlink /c/latest -> Mini-9.1',
                          't: internal move-directory [/c/x] [from:/w, to:/c/x]', 't: probe preview-publish [target:/m]']
    }

    def "a process that fails ends its task: the actions after it are not performed"() {
        given:
        effects.exits.t = [0, 4]

        when:
        def outcome = run([task('t', [], [exec('first'), exec('second'), new Action.MakeDirectory('/after')])])

        then:
        outcome.states() == [t: TaskState.FAILED]
        outcome.failures() == [t: 'second exited with status 4']
        effects.calls == ['t: exec first', 't: exec second']
    }

    def "an effect that throws #exception.class.simpleName fails its task with #failure"() {
        given:
        effects.throwing.t = exception

        when:
        def outcome = run([task('t', [], [new Action.MakeDirectory('/a'), exec('t'), new Action.MakeDirectory('/b')]),
                           task('after', ['t'], [exec('after')])])

        then:
        outcome.states() == [t: TaskState.FAILED, after: TaskState.SKIPPED]
        outcome.failures() == [t: failure]
        effects.calls == ['t: mkdir /a', 't: exec t']

        where:
        exception                                || failure
        new TaskFailure('no space left on /c')   || 'no space left on /c'
        new IllegalStateException('a bug')       || 'java.lang.IllegalStateException: a bug'
    }

    def "a task with retries runs again from its first action, saying why in its log, until an attempt succeeds"() {
        given:
        effects.exits.t = [1, 1, 0]

        when:
        def outcome = run([task('t', [], [new Action.MakeDirectory('/d'), exec('dnf')],
                retry: new Step.Retry(2, Duration.ZERO))])

        then:
        outcome.states() == [t: TaskState.DONE]
        outcome.failures() == [:]
        effects.calls == ['t: mkdir /d', 't: exec dnf',
                          't: note relengine: attempt 1 of 3 failed (dnf exited with status 1); trying again in 0 s',
                          't: mkdir /d', 't: exec dnf',
                          't: note relengine: attempt 2 of 3 failed (dnf exited with status 1); trying again in 0 s',
                          't: mkdir /d', 't: exec dnf']
    }

    def "a task whose every attempt fails is FAILED with its last attempt's reason"() {
        given:
        effects.exits.t = [1, 7]

        when:
        def outcome = run([task('t', [], [exec('dnf')], retry: new Step.Retry(1, Duration.ZERO))])

        then:
        outcome.states() == [t: TaskState.FAILED]
        outcome.failures() == [t: 'dnf exited with status 7']
        effects.calls.count { it == 't: exec dnf' } == 2
    }

    def "the journal has each task's start and end, and a skip's reason"() {
        given:
        def journal = new Journal(dir.resolve('journal'))
        effects.exits.a = [1]

        when:
        run([task('a', [], [exec('a')]), task('b', ['a'], [exec('b')])], 1, journal)

        then:
        def read = Journal.read(journal.file())
        read.of('a').collect { [it.state(), it.exit(), it.reason()] } ==
                [['running', null, null], ['failed', 1, 'a exited with status 1']]
        read.of('b').collect { [it.state(), it.reason()] } == [['skipped', 'a required dependency failed']]
    }

    def "a journal that cannot be written stops the run before any process: no task starts, and the effects are told why"() {
        given:
        Path blocked = dir.resolve('state')
        java.nio.file.Files.writeString(blocked, 'a file where the journal\'s directory should be')
        def journal = new Journal(blocked.resolve('journal'))

        when:
        def outcome = run(pipeline(), 2, journal)

        then:
        outcome.stopped() != null
        outcome.stopped().file() == blocked.resolve('journal')
        outcome.states() == [prepare: TaskState.FAILED, sync: TaskState.PENDING, repoclosure: TaskState.PENDING,
                             extras: TaskState.PENDING, finalize: TaskState.PENDING]
        outcome.failures() == [prepare: 'not started: the run stopped: ' + outcome.stopped().message]
        effects.calls == []
        effects.stopped == ['the run stopped: ' + outcome.stopped().message]
    }

    /** Whether {@code first}'s process ended before {@code then}'s started. */
    private boolean before(String first, String then) {
        effects.events.indexOf("end $first".toString()) < effects.events.indexOf("start $then".toString())
    }

    /**
     * Effects that perform nothing and record every call as {@code <task>: <effect> <what>}. An exec's exit
     * status is the next of {@code exits[task]} (0 once they run out); {@code throwing[task]} is thrown by its
     * execs instead. Until {@code meet} execs have run at once, each waits for that (a second at most); each
     * then takes {@code millis}. {@code most} is the most that ever ran at once.
     */
    static class FakeEffects implements Effects {
        final List<String> calls = [].asSynchronized()
        final List<String> events = [].asSynchronized()
        final Map<String, List<Integer>> exits = [:].asSynchronized()
        final Map<String, RuntimeException> throwing = [:]
        final List<String> stopped = [].asSynchronized()
        final AtomicInteger running = new AtomicInteger()
        final AtomicInteger most = new AtomicInteger()
        final java.util.concurrent.atomic.AtomicBoolean met = new java.util.concurrent.atomic.AtomicBoolean()
        long millis
        int meet

        @Override
        int remote(String task, String description, String document, Effects.RemoteWork work) {
            calls << "$task: remote $description".toString()
            return 0
        }

        @Override
        int exec(String task, List<String> argv, String stdout) {
            calls << "$task: exec ${argv.join(' ')}${stdout == null ? '' : ' > ' + stdout}".toString()
            events << "start $task".toString()
            int now = running.incrementAndGet()
            most.accumulateAndGet(now, Math::max)
            try {
                if (now >= meet) {
                    met.set(true)
                }
                long until = System.nanoTime() + 1_000_000_000L
                while (!met.get() && System.nanoTime() < until) {
                    Thread.sleep(1)
                }
                if (millis > 0) {
                    Thread.sleep(millis)
                }
                if (throwing[task] != null) {
                    throw throwing[task]
                }
                List<Integer> left = exits[task]
                return left ? left.remove(0) : 0
            } finally {
                running.decrementAndGet()
                events << "end $task".toString()
            }
        }

        @Override
        void makeDirectory(String task, String path) {
            calls << "$task: mkdir $path".toString()
        }

        @Override
        void writeFile(String task, String path, ProducerKey producer, String content, Map<String, String> params) {
            calls << "$task: write $path $producer $content $params".toString()
        }

        @Override
        void symlink(String task, String link, String target) {
            calls << "$task: symlink $link -> $target".toString()
        }

        @Override
        void note(String task, String line) {
            calls << "$task: note $line".toString()
        }

        @Override
        void internal(String task, OperationKey operation, String description, List<String> paths, Map<String, String> params) {
            calls << "$task: internal $operation $paths $params".toString()
        }

        @Override
        void probe(String task, OperationKey operation, String description, Map<String, String> params) {
            calls << "$task: probe $operation $params".toString()
        }

        @Override
        void stop(String why) {
            stopped << why
        }
    }

}
