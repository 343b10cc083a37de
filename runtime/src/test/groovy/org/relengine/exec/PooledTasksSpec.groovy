package org.relengine.exec

import org.relengine.executors.standard.StandardExecutors
import org.relengine.plan.PlannerSpec
import org.relengine.steps.StepRegistry
import spock.lang.Shared
import spock.lang.Specification

class PooledTasksSpec extends Specification {

    @Shared ComposeRun.Engine engine = new ComposeRun.Engine(StepRegistry.standard(), StandardExecutors.registry())

    def "#task of #recipe #takes a slot"() {
        expect:
        ComposeRun.pooled(PlannerSpec.plan(recipes[recipe]).task(task).get(), engine) == pooled

        where:
        recipe       | task                        | pooled
        'native'     | 'sync:BaseOS:x86_64:os'     | true
        'native'     | 'sync:BaseOS:source'        | true
        'dnf'        | 'sync:BaseOS:x86_64:os'     | false
        'native'     | 'repoclosure:BaseOS:x86_64' | false
        'native'     | 'prepare'                   | false
        takes = pooled ? 'takes no' : 'takes'
    }

    @Shared Map recipes = [native: PlannerSpec.load('rocky9'), dnf: PlannerSpec.withDnf('rocky9')]
}
