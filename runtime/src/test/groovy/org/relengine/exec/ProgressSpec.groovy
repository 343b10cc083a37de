package org.relengine.exec

import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What a run shows while it goes: a live display of one line per stage, redrawn in place, or one plain line
 * per task that ends; both end with a table of the stages. Frames are drawn on a clock the spec moves.
 */
class ProgressSpec extends Specification {

    static final String ESC = '\u001b['

    @TempDir
    Path dir

    def "a live frame shows each stage: tasks over of all, failures, elapsed time, time left and the tasks running"() {
        given:
        def run = new TinyRun(dir)
        def live = new LiveProgress(new PrintWriter(new StringWriter()), run.record, 80)
        run.observers << live

        when:
        run.firstHalf()

        then: 'compose: 2 of 4 over in 2 s and 10 s, so 2 left at 6 s each, one at a time'
        live.frame(run.record.stages(), run.now) == [
                'compose    2/4    0:15  ~0:12 left  running repoclosure:BaseOS:x86_64',
                'images     0/1    0:13  running extras:dvd:x86_64']
    }

    def "what a running task waits for follows its id in the live frame, and its start stays when it began"() {
        given:
        def run = new TinyRun(dir)
        def live = new LiveProgress(new PrintWriter(new StringWriter()), run.record, 120)
        run.observers << live

        when:
        run.start()
        run.event('prepare', TaskState.RUNNING, 0)
        run.at(5)
        run.event('prepare', TaskState.RUNNING, 0, 'waiting for http://127.0.0.1:9/repodata/repomd.xml (no answer for 5 s)')

        then:
        live.frame(run.record.stages(), run.now) == [
                'compose    0/4    0:05  running prepare (waiting for http://127.0.0.1:9/repodata/repomd.xml (no answer for 5 s))',
                'images     0/1    waiting']
        run.record.runs().find { it.id() == 'prepare' }.start() == TinyRun.T0
    }

    def "plain progress says what a task waits for when it starts to wait, then at most every 30 s"() {
        given:
        def run = new TinyRun(dir)
        def text = new StringWriter()
        run.observers << new PlainProgress(new PrintWriter(text), run.record)

        when:
        run.start()
        run.event('prepare', TaskState.RUNNING, 0)
        [5, 10, 30, 35].each { long s ->
            run.at(s)
            run.event('prepare', TaskState.RUNNING, 0, "downloading x.tar.gz from http://127.0.0.1:9/x.tar.gz: ${s} MiB of 700 MiB")
        }

        then:
        text.toString().readLines() == [
                '[0/5] running prepare: downloading x.tar.gz from http://127.0.0.1:9/x.tar.gz: 5 MiB of 700 MiB',
                '[0/5] running prepare: downloading x.tar.gz from http://127.0.0.1:9/x.tar.gz: 35 MiB of 700 MiB']
    }

    def "a live frame before anything ran says the stages wait, and after the run what each took"() {
        given:
        def run = new TinyRun(dir)
        def live = new LiveProgress(new PrintWriter(new StringWriter()), run.record, 80)

        when:
        run.start()
        def before = live.frame(run.record.stages(), run.now)
        run.firstHalf()
        run.secondHalf()

        then:
        before == ['compose    0/4    waiting', 'images     0/1    waiting']
        live.frame(run.record.stages(), run.now) == [
                'compose    4/4    1 failed  1 skipped  took 0:20',
                'images     1/1    1 failed  took 0:23']
    }

    def "a line longer than the terminal is cut to one column less than its width, with an ellipsis"() {
        given:
        def run = new TinyRun(dir)
        def live = new LiveProgress(new PrintWriter(new StringWriter()), run.record, 40)
        run.observers << live

        when:
        run.firstHalf()
        def frame = live.frame(run.record.stages(), run.now)

        then:
        frame == ['compose    2/4    0:15  ~0:12 left  ru…', 'images     0/1    0:13  running extras…']
        frame*.length() == [39, 39]
    }

    def "each draw moves back over the last frame, clears it, prints the failures since, then the new frame"() {
        given:
        def text = new StringWriter()
        def run = new TinyRun(dir)
        def live = new LiveProgress(new PrintWriter(text), run.record, 80)
        run.observers << live

        when:
        run.firstHalf()
        live.draw()
        def first = text.toString()
        run.at(20)
        run.event('repoclosure:BaseOS:x86_64', TaskState.FAILED, 3, 'dnf exited with status 1')
        live.draw()

        then:
        first == 'compose    2/4    0:15  ~0:12 left  running repoclosure:BaseOS:x86_64\n' +
                'images     0/1    0:13  running extras:dvd:x86_64\n'
        text.toString().substring(first.length()) == "\r${ESC}2A${ESC}J" +
                '[3/5] FAILED  repoclosure:BaseOS:x86_64: dnf exited with status 1\n' +
                'compose    3/4    1 failed  0:20  ~0:06 left\n' +
                'images     0/1    0:18  running extras:dvd:x86_64\n'
    }

    def "a frame the same as the last one is not drawn again"() {
        given:
        def text = new StringWriter()
        def run = new TinyRun(dir)
        def live = new LiveProgress(new PrintWriter(text), run.record, 80)
        run.observers << live

        when:
        run.firstHalf()
        live.draw()
        def first = text.toString()
        live.draw()
        run.now = run.now.plusMillis(400)
        live.draw()

        then:
        text.toString() == first
    }

    def "the live display ends with its last frame, the table of stages, the critical path and the idle slots"() {
        given:
        def text = new StringWriter()
        def run = new TinyRun(dir)
        run.observers << new LiveProgress(new PrintWriter(text), run.record, 80)

        when:
        run.firstHalf()
        run.secondHalf()

        then:
        text.toString() == '[3/5] FAILED  repoclosure:BaseOS:x86_64: dnf exited with status 1\n' +
                '[4/5] FAILED  extras:dvd:x86_64 (failable): xorriso exited with status 5\n' +
                'compose    4/4    1 failed  1 skipped  took 0:20\n' +
                'images     1/1    1 failed  took 0:23\n' +
                '\n' +
                'stage      tasks   done  failed  skipped  wall time\n' +
                'compose        4      2       1        1  20.0 s\n' +
                'images         1      0       1        0  23.0 s\n' +
                '\n' +
                'critical path  25.0 s of 25.0 s wall (100 %): prepare → extras:dvd:x86_64\n' +
                'slots idle     14 % of 2 slots × 25.0 s\n'
    }

    def "plain progress prints a line per task that ends, as runs always have, then the table of stages and where the time went"() {
        given:
        def text = new StringWriter()
        def run = new TinyRun(dir)
        run.observers << new PlainProgress(new PrintWriter(text), run.record)

        when:
        run.firstHalf()
        run.secondHalf()

        then:
        text.toString() == '[1/5] done    prepare\n' +
                '[2/5] done    sync:BaseOS:x86_64:os\n' +
                '[3/5] FAILED  repoclosure:BaseOS:x86_64: dnf exited with status 1\n' +
                '[4/5] FAILED  extras:dvd:x86_64 (failable): xorriso exited with status 5\n' +
                '[5/5] skipped finalize (a required dependency failed)\n' +
                '\n' +
                'stage      tasks   done  failed  skipped  wall time\n' +
                'compose        4      2       1        1  20.0 s\n' +
                'images         1      0       1        0  23.0 s\n' +
                '\n' +
                'critical path  25.0 s of 25.0 s wall (100 %): prepare → extras:dvd:x86_64\n' +
                'slots idle     14 % of 2 slots × 25.0 s\n'
    }

    def "the record keeps each task's state, start, end, exit status, reason and log"() {
        given:
        def run = new TinyRun(dir)

        when:
        run.firstHalf()
        run.secondHalf()
        def runs = run.record.runs().collectEntries { [it.id(), it] }

        then:
        runs.keySet() as List == run.plan.tasks()*.id()
        with(runs['prepare'] as TaskRun) {
            state() == TaskState.DONE && start() == TinyRun.T0 && end() == TinyRun.T0.plusSeconds(2)
            exit() == null    // it ran no command
        }
        with(runs['sync:BaseOS:x86_64:os'] as TaskRun) {
            exit() == 0 && took().seconds == 10
        }
        with(runs['repoclosure:BaseOS:x86_64'] as TaskRun) {
            state() == TaskState.FAILED && exit() == 1 && reason() == 'dnf exited with status 1'
            log() == dir.resolve('repoclosure_BaseOS_x86_64.log')
            shown() == 'failed'
        }
        (runs['extras:dvd:x86_64'] as TaskRun).shown() == 'failed (failable)'
        with(runs['finalize'] as TaskRun) {
            state() == TaskState.SKIPPED && start() == null && took() == null
            reason() == 'a required dependency failed'
        }
        run.record.startedAt() == TinyRun.T0
        run.record.endedAt() == TinyRun.T0.plusSeconds(25)
    }

    def "auto is live only on a terminal that is not dumb, without NO_COLOR, outside CI: #why"() {
        expect:
        ProgressMode.AUTO.resolve(env, console) == mode

        where:
        env                                          | console || mode                | why
        [TERM: 'xterm-256color']                     | true    || ProgressMode.LIVE  | 'a terminal'
        [TERM: 'xterm-256color']                     | false   || ProgressMode.PLAIN | 'output to a pipe or a file'
        [TERM: 'dumb']                               | true    || ProgressMode.PLAIN | 'a dumb terminal'
        [TERM: 'xterm', NO_COLOR: '1']               | true    || ProgressMode.PLAIN | 'NO_COLOR'
        [TERM: 'xterm', NO_COLOR: '']                | true    || ProgressMode.LIVE  | 'NO_COLOR set but empty'
        [TERM: 'xterm', CI: 'true']                  | true    || ProgressMode.PLAIN | 'CI'
        [TERM: 'xterm', GITHUB_ACTIONS: 'true']      | true    || ProgressMode.PLAIN | 'GitHub Actions'
    }

    def "live and plain are what they say wherever the output goes"() {
        expect:
        ProgressMode.LIVE.resolve([CI: 'true'], false) == ProgressMode.LIVE
        ProgressMode.PLAIN.resolve([TERM: 'xterm'], true) == ProgressMode.PLAIN
    }
}
