package org.relengine.exec

import java.time.Duration
import spock.lang.Specification

/**
 * The critical path of a run: from the task that finished last back through the dependency of each that
 * finished last, its length the time its tasks ran, against the run's wall time.
 */
class CriticalPathSpec extends Specification {

    def "the critical path follows the dependency that finished last: #why"() {
        expect:
        new RunSketch(tasks).path(20).tasks()*.id() == path

        where:
        why                                              | tasks                                                                                      || path
        'a chain is its own path'                        | [a: [0, 2], b: [2, 10, 'a'], c: [10, 12, 'b']]                                             || ['a', 'b', 'c']
        'of two dependencies, the one that ended later'  | [a: [0, 5], b: [0, 8], c: [8, 10, 'a', 'b']]                                               || ['b', 'c']
        'it ends at the last to finish, not the last planned' | [a: [0, 2], b: [2, 30, 'a'], c: [2, 10, 'a']]                                        || ['a', 'b']
        'a reused dependency ran in no slot of this run' | [r: [null, null], a: [0, 4], c: [4, 6, 'r', 'a']]                                          || ['a', 'c']
        'a skipped task has an end but never started'    | [a: [0, 4], f: [4, 9, 'a'], s: [null, 9, 'f']]                                             || ['a', 'f']
        'a tie goes to the task later in the plan'       | [a: [0, 5], b: [0, 5], c: [5, 6, 'a', 'b']]                                                || ['b', 'c']
        'it stops at a task whose dependencies did not run' | [r: [null, null], a: [1, 3, 'r']]                                                       || ['a']
        'nothing ran: no path'                           | [r: [null, null], s: [null, 0, 'r']]                                                        || []
    }

    def "its length is the time its tasks ran, without the waits for a slot between them, in percent of the wall time"() {
        when:
        def path = new RunSketch(tasks).path(wall)

        then:
        path.length() == Duration.ofMillis(length)
        path.percent() == percent
        path.summary() == summary

        where:
        tasks                                            | wall || length | percent | summary
        [a: [0, 2], b: [5, 10, 'a']]                     | 12   || 7000   | 58      | '7.0 s of 12.0 s wall (58 %)'
        [a: [0, 100], b: [100, 242, 'a'], c: [0, 3]]     | 310  || 242000 | 78      | '4 min 2 s of 5 min 10 s wall (78 %)'
        [a: [0, 1.5]]                                    | 0    || 1500   | 0       | '1.5 s of 0.0 s wall (0 %)'
        [r: [null, null]]                                | 5    || 0      | 0       | '0.0 s of 5.0 s wall (0 %)'
    }

    def "a path of more than five tasks is shown as its first two, how many more, and its last two"() {
        when:
        Map<String, List> chain = [:]
        (1..size).each { chain["t$it".toString()] = [it, it + 1] + (it > 1 ? ["t${it - 1}".toString()] : []) }

        then:
        new RunSketch(chain).path(20).shown() == shown

        where:
        size || shown
        1    || 't1'
        5    || 't1 → t2 → t3 → t4 → t5'
        6    || 't1 → t2 → … (2 more) → t5 → t6'
        9    || 't1 → t2 → … (5 more) → t8 → t9'
    }

    def "a run's path comes from its record: the plan's dependencies and the run's wall time"() {
        given:
        def run = new TinyRun(File.createTempDir().toPath())

        when:
        run.firstHalf()
        run.secondHalf()
        def path = CriticalPath.of(run.record)

        then:
        path.tasks()*.id() == ['prepare', 'extras:dvd:x86_64']
        path.summary() == '25.0 s of 25.0 s wall (100 %)'
        path.contains('extras:dvd:x86_64')
        !path.contains('repoclosure:BaseOS:x86_64')
    }
}
