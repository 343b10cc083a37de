package org.relengine.steps

import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.node.ObjectNode
import java.nio.file.Files
import java.nio.file.Path
import org.relengine.compile.Recipes
import org.relengine.model.Executor
import org.relengine.plan.Action
import org.relengine.plan.OperationKey
import org.relengine.plan.PlanException
import org.relengine.plan.PlanOptions
import org.relengine.plan.PlanReader
import org.relengine.plan.TaskKey
import org.relengine.plan.TaskKind
import org.relengine.plan.kernel.Planner
import org.relengine.plan.spi.Phase
import org.relengine.plan.spi.PlanContext
import org.relengine.plan.spi.PlannedTask
import org.relengine.plan.spi.StepUnit
import org.relengine.plan.spi.TaskFailure
import spock.lang.Specification

/** The registry of step units: every key a plan can name resolves, and what no unit provides is refused early. */
class StepRegistrySpec extends Specification {

    static final ObjectMapper JSON = new ObjectMapper()

    def "every kind, operation, producer and probe the golden plan of #name names resolves"() {
        given:
        def root = JSON.readTree(Path.of("src/test/resources/golden/${name}.plan.json").toFile())

        when:
        def plan = PlanReader.plan(root, StepRegistry.standard())
        StepRegistry.standard().check(plan)

        then:
        plan.tasks().size() == root.path('tasks').size()
        plan.tasks().every { task -> task.actions().every { action ->
            !(action instanceof Action.Internal) || StepRegistry.standard().operation(action.operation()) != null } }

        where:
        name << ['rocky8', 'rocky9', 'rocky9-beta']
    }

    def "a plan file naming #what no unit provides is refused when it is read, naming the task"() {
        given:
        ObjectNode root = JSON.readTree(Path.of('src/test/resources/golden/rocky9.plan.json').toFile()) as ObjectNode
        def task = root.path('tasks').find { it.path('id').asText() == id } as ObjectNode
        change(task)

        when:
        PlanReader.plan(root, StepRegistry.standard())

        then:
        PlanException e = thrown()
        e.message == message
        e.hint() == 'was the plan made by another version of relengine? plan again with this one'

        where:
        what           | id                        | change                                                              || message
        'a kind'       | 'sync:BaseOS:x86_64:os'   | { ObjectNode t -> t.put('kind', 'snyc') }                            || 'task sync:BaseOS:x86_64:os is of the kind `snyc`, which this version of relengine does not know'
        'an operation' | 'unpack:x86_64'           | { ObjectNode t -> (t.path('actions').get(1) as ObjectNode).put('operation', 'unpack-lorax2') } || 'task unpack:x86_64 performs `unpack-lorax2`, which this version of relengine does not know'
        'a producer'   | 'finalize'                | { ObjectNode t -> (t.path('actions').find { it.path('producer').asText() == 'compose status' } as ObjectNode).put('producer', 'compose state') } || 'task finalize writes ' + '/mnt/compose/9/Rocky-9.7-20251111.154233/STATUS' + ' with `compose state`, which this version of relengine does not know'
        'an action'    | 'prepare'                 | { ObjectNode t -> (t.path('actions').get(0) as ObjectNode).put('type', 'teleport') } || 'task prepare has an action of type `teleport`, which this version of relengine does not know'
    }

    def "a run refuses a plan whose task performs an operation no unit registered, before anything runs"() {
        given:
        def plan = StepRegistry.plan(Recipes.load(Path.of('../recipes/rocky9.groovy')).recipe(), PlanOptions.fullRun())
        def prepare = plan.task('prepare').get()
        def odd = new org.relengine.plan.Task(prepare.id(), prepare.kind(), null, null, [], [], [], Executor.LOCAL,
                false, [new Action.Internal(new OperationKey('levitate'), 'levitate', [], [:])])

        when:
        StepRegistry.standard().check(plan.withTasks([odd]))

        then:
        PlanException e = thrown()
        e.message == 'task prepare performs `levitate`, which no step unit of this version of relengine provides'
    }

    def "an operation no unit registered fails its task in the user's words"() {
        when:
        StepRegistry.standard().operation(new OperationKey('levitate'))

        then:
        TaskFailure e = thrown()
        e.message == '`levitate` is not available in this version of relengine'
    }

    def "two units registering one #what are refused when the registry is made"() {
        when:
        new StepRegistry([unit, unit])

        then:
        IllegalStateException e = thrown()
        e.message == message

        where:
        what          | unit                                                   || message
        'task kind'   | new Only(new TaskKind('sync', 'compose'), [:])          || 'two step units plan tasks of the kind sync'
        'operation'   | new Only(null, [(new OperationKey('x')): { p, l, c -> }]) || 'Only registers x, which another step unit registered'
    }

    def "a task that depends on a task not planned is a fault of the planner, named at planning time"() {
        given:
        def kind = new TaskKind('orphan', 'compose')
        StepUnit orphan = new Only(kind, [:]) {
            @Override
            void plan(PlanContext context) {
                context.add(new PlannedTask(TaskKey.of(kind), null, null, [TaskKey.of(new TaskKind('parent', 'compose'))],
                        [], [], Executor.LOCAL, false, []))
            }
        }

        when:
        Planner.plan(Recipes.load(Path.of('../recipes/rocky9.groovy')).recipe(), PlanOptions.fullRun(), [orphan])

        then:
        IllegalStateException e = thrown()
        e.message == 'task orphan depends on unplanned task parent (a dependency that may be missing is declared with plannedOf)'
    }

    def "the registry lists every task kind once, in pipeline order"() {
        expect:
        StepRegistry.standard().kinds()*.word() == ['prepare', 'extrafiles', 'sync', 'repoclosure', 'lorax', 'unpack',
                'treeinfo', 'extras', 'cloud', 'live', 'finalize', 'stage', 'release-isos', 'kickstart', 'treeinfo-variants', 'createrepo', 'hardlink', 'updateinfo', 'sign',
                'signrepos', 'promote',
                'filelists', 'torrents', 'vault', 'vault-createrepo', 'vault-filelists']
    }

    /** A unit of one kind (or none) and the operations given, planning nothing unless told. */
    static class Only implements StepUnit {
        final TaskKind kind
        final Map<OperationKey, org.relengine.plan.spi.Operation> ops

        Only(TaskKind kind, Map ops) {
            this.kind = kind
            this.ops = ops
        }

        List<TaskKind> kinds() { kind == null ? [] : [kind] }

        Phase phase() { Phase.COMPOSE }

        void plan(PlanContext context) {}

        Map<OperationKey, org.relengine.plan.spi.Operation> operations() { ops }
    }
}
