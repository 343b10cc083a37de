package org.relengine.plan

import org.relengine.steps.StepRegistry
import org.relengine.steps.unpack.UnpackStep
import org.relengine.steps.sync.SyncStep
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.relengine.model.Executor
import org.relengine.model.Step
import spock.lang.Specification

/**
 * A compose's own copy of its plan answers for the recipe: reading a task's JSON and writing it again
 * gives the same JSON, for every task of the reviewed golden plans and for a task with a retry policy.
 */
class PlanReaderSpec extends Specification {

    static final ObjectMapper JSON = new ObjectMapper()

    def "every task of the #name golden plan reads back into the same JSON"() {
        given:
        def root = JSON.readTree(Path.of("src/test/resources/golden/${name}.plan.json").toFile())

        expect:
        root.path('tasks').size() > 0
        root.path('tasks').every { PlanJson.taskTree(PlanReader.task(it, StepRegistry.standard())) == it }

        where:
        name << ['rocky8', 'rocky9', 'rocky9-beta']
    }

    def "a task with retries writes its policy, and reads back with the same policy and the same JSON"() {
        given:
        def task = new Task('sync:BaseOS:x86_64:os', SyncStep.SYNC, 'BaseOS', 'x86_64', ['prepare'],
                ['https://example.org/BaseOS/x86_64/os'], ['/compose/BaseOS/x86_64/os'], Executor.LOCAL, false,
                [new Action.MakeDirectory('/compose/BaseOS/x86_64/os'),
                 new Action.Exec(['dnf', 'reposync', '--repoid=BaseOS-x86_64'], null)],
                new Step.Retry(2, Duration.ofSeconds(90)))

        when:
        def written = PlanJson.taskTree(task)
        def read = PlanReader.task(JSON.readTree(written.toString()), StepRegistry.standard())

        then:
        written.get('retry').toString() == '{"attempts":3,"delaySeconds":90}'
        read == task
        PlanJson.taskTree(read).toString() == written.toString()
    }

    def "a task without retries has no retry field, and reads back tried once"() {
        given:
        def task = new Task('unpack:x86_64', UnpackStep.KIND, null, 'x86_64', ['prepare'], [], [], Executor.LOCAL,
                true, [new Action.MakeDirectory('/compose/work/lorax/x86_64')])

        when:
        def written = PlanJson.taskTree(task)

        then:
        !written.has('retry')
        task.retry() == Step.Retry.NONE
        PlanReader.task(JSON.readTree(written.toString()), StepRegistry.standard()) == task
    }
}
