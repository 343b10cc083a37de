package org.relengine.exec

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.compile.Recipes
import org.relengine.plan.Plan
import org.relengine.plan.PlanOptions
import org.relengine.steps.StepRegistry
import org.relengine.plan.RecipeOverrides
import org.relengine.plan.Scope
import spock.lang.Specification
import spock.lang.TempDir

/** A run takes all its locks before it changes anything, or it takes none and leaves nothing behind. */
class RunLocksSpec extends Specification {

    @TempDir
    Path root

    Plan plan() {
        def loaded = Recipes.load(Path.of('../recipes/rocky9.groovy'))
        assert loaded.ok()
        StepRegistry.plan(RecipeOverrides.apply(loaded.recipe(), root.toString(), null, true),
                new PlanOptions(true, [], [], Scope.ALL, true, true, null, '20261203.140000'))
    }

    def "a run refused because its staging target is held leaves no compose directory and no lock behind"() {
        given: 'another run, alive, holds the staging target'
        Plan plan = plan()
        String staging = plan.targets().get('staging')
        RunLock other = RunLock.acquire(RunLock.forTarget(staging), 'the staging target', 'relengine run other', false)

        when:
        RunLocks.take(plan, 'relengine run this', false)

        then:
        RunLock.Locked refused = thrown()
        refused.message.contains('the staging target')
        !Files.exists(Path.of(plan.composeDir()))
        !Files.exists(root.resolve('compose'))
        !Files.exists(RunLock.forTarget(plan.targets().get('production')))

        and: 'the holder keeps its lock'
        Files.exists(RunLock.forTarget(staging))

        cleanup:
        other?.close()
    }

    def "a run that takes every lock holds the compose's, staging's and production's until it closes them"() {
        given:
        Plan plan = plan()

        when:
        RunLocks locks = RunLocks.take(plan, 'relengine run this', false)

        then:
        Files.exists(Path.of(plan.composeDir(), 'work', 'lock'))
        Files.exists(RunLock.forTarget(plan.targets().get('staging')))
        Files.exists(RunLock.forTarget(plan.targets().get('production')))

        when:
        locks.close()

        then:
        !Files.exists(Path.of(plan.composeDir(), 'work', 'lock'))
        !Files.exists(RunLock.forTarget(plan.targets().get('staging')))
    }
}
