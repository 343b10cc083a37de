package org.relengine.exec

import java.time.Duration
import spock.lang.Specification

/** The lanes of a timeline: each task that ran on the lowest lane free when it started, and the idle share. */
class LanesSpec extends Specification {

    def "each task that ran takes the lowest lane free at its start: #why"() {
        when:
        def lanes = new RunSketch(tasks).lanes()

        then:
        lanes.lanes() == expected
        lanes.count() == count

        where:
        why                                           | tasks                                                              || expected                           | count
        'a lane is free again when its task ends'     | [a: [0, 2], b: [0, 5], c: [2, 4], d: [4, 6], e: [5, 9]]            || [a: 0, b: 1, c: 0, d: 0, e: 1]     | 2
        'as many lanes as tasks ran at once'          | [a: [0, 3], b: [1, 3], c: [2, 3], d: [3, 4]]                       || [a: 0, b: 1, c: 2, d: 0]           | 3
        'a lower lane freed first is taken first'     | [a: [0, 10], b: [0, 2], c: [0, 5], d: [3, 4]]                      || [a: 0, b: 1, c: 2, d: 1]           | 3
        'in the order they started, not planned'      | [late: [4, 6], early: [0, 5]]                                      || [early: 0, late: 1]                | 2
        'tasks that did not run take no lane'         | [r: [null, null], a: [0, 1], s: [null, 1, 'a']]                    || [a: 0]                             | 1
        'nothing ran'                                 | [r: [null, null]]                                                  || [:]                                | 0
    }

    def "the slots sat idle for what of slots × wall time no task ran in: #why"() {
        expect:
        new RunSketch(tasks).lanes().idle(slots, Duration.ofSeconds(wall)) == idle

        where:
        why                                         | tasks                        | slots | wall || idle
        'two slots, one busy half the time'         | [a: [0, 10], b: [0, 5]]      | 2     | 10   || 25
        'slots never used are idle'                 | [a: [0, 10], b: [0, 5]]      | 4     | 10   || 63
        'fewer slots than lanes counts the lanes'   | [a: [0, 10], b: [0, 5]]      | 1     | 10   || 25
        'all busy'                                  | [a: [0, 10], b: [0, 10]]     | 2     | 10   || 0
        'a run that took no time'                   | [r: [null, null]]            | 2     | 0    || 0
    }

    def "tasks that took no slot have pool lanes of their own, after the slots', and are neither busy nor idle"() {
        when: 'two syncs waiting on the engine\'s pool ran beside two tasks in one slot'
        def lanes = Lanes.of(new RunSketch([sync1: [0, 4], a: [0, 5], sync2: [1, 3], b: [5, 10]]).runs, ['sync1', 'sync2'] as Set)

        then:
        lanes.lanes() == [sync1: 1, a: 0, sync2: 2, b: 0]
        lanes.count() == 1
        lanes.pooled() == 2
        lanes.drawn() == 3
        lanes.busy() == Duration.ofSeconds(10)
        lanes.idle(1, Duration.ofSeconds(10)) == 0
    }

    def "busy is the time the tasks that ran ran, added up"() {
        expect:
        new RunSketch([a: [0, 10], b: [0, 5.5], r: [null, null]]).lanes().busy() == Duration.ofMillis(15500)
    }
}
