package org.relengine.exec

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * What `relengine status` and `explain` read of a compose: its copy of its plan is read as a plan file is, a
 * regular file of at most 64 MiB; anything else is said to be no readable plan, at once, never waited on.
 */
class ComposeRecordSpec extends Specification {

    @TempDir
    Path compose

    @Timeout(20)
    def "a compose whose plan.json is #what is refused at once, naming it"() {
        given:
        Path plan = compose.resolve('work/plan.json')
        Files.createDirectories(plan.parent)
        make(plan)

        when:
        ComposeRecord.read(compose, StepRegistry.standard())

        then:
        ComposeRecord.NotACompose e = thrown()
        e.message == "the compose's copy of its plan, $plan, cannot be read: it is $reason; a `--resume` of the recipe writes it again".toString()

        where:
        what                | reason                 | make
        'a FIFO'            | 'a FIFO (named pipe)'  | { Path p -> assert new ProcessBuilder('mkfifo', p.toString()).start().waitFor() == 0 }
        'larger than 64 MiB' | 'larger than 64 MiB, more than any plan' | { Path p -> Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).withCloseable { it.position(64L << 20).write(java.nio.ByteBuffer.wrap('x'.bytes)) } }
    }
}
