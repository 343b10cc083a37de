package org.relengine.cli

import java.util.concurrent.TimeUnit
import spock.lang.Specification

/**
 * The specs kill a run the way a crash would, its whole process group, with no `kill` program: a group whose
 * members keep forking is killed to the last process, and a process outside it lives on.
 */
class ProcessGroupSpec extends Specification {

    def "SIGKILL to a process group leaves none of it, not even a child forked while the others die"() {
        given: 'a group leader whose subshell forks a sleep every 10 ms, and a sleep outside the group'
        Process leader = new ProcessBuilder('setsid', 'sh', '-c',
                '(while :; do sleep 60 & sleep 0.01; done) & sleep 60 & wait').start()
        Process outside = new ProcessBuilder('sleep', '60').start()
        waitFor { ProcessGroup.members(leader.pid()).size() >= 5 }

        when:
        ProcessGroup.kill(leader.toHandle())

        then:
        leader.waitFor(10, TimeUnit.SECONDS)
        leader.exitValue() == 137
        ProcessGroup.members(leader.pid()).findAll { ProcessGroup.running(it) } == []
        outside.alive

        cleanup:
        outside.destroyForcibly()
    }

    private static void waitFor(Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 10_000
        while (!condition()) {
            assert System.currentTimeMillis() < deadline
            Thread.sleep(10)
        }
    }
}
