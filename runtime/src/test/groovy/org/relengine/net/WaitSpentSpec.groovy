package org.relengine.net

import java.time.Duration
import java.time.Instant
import spock.lang.Specification

class WaitSpentSpec extends Specification {

    static Wait waited(Instant deadline, String last) {
        new Wait() {
            Instant deadline() { deadline }
            Duration timeout() { Duration.ofSeconds(10) }
            void tell(String detail) { }
            String last() { last }
        }
    }

    def "what cannot start when the task's time is spent: #why"() {
        expect:
        waited(deadline, last).spentBefore('dnf') == expected

        where:
        why                                   | deadline                     | last                                                                  || expected
        'time is left'                        | Instant.now().plusSeconds(60) | null                                                                  || null
        'spent, nothing waited for'           | Instant.now().minusSeconds(1) | null                                                                  || "the task's timeout (10.0 s) ran out before dnf could start"
        'spent waiting for an input'          | Instant.now().minusSeconds(1) | "no answer from http://h/r for 9 s when the task's timeout (10.0 s) ran out" || "no answer from http://h/r for 9 s when the task's timeout (10.0 s) ran out, before dnf could start"
        'spent, the last wait said otherwise' | Instant.now().minusSeconds(1) | 'waiting for http://h/r (no answer for 5 s)'                          || "the task's timeout (10.0 s) ran out before dnf could start (waiting for http://h/r (no answer for 5 s))"
    }
}
