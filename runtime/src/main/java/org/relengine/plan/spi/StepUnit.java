package org.relengine.plan.spi;

import java.util.List;
import java.util.Map;
import org.relengine.plan.OperationKey;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.TaskKind;

/**
 * One kind of step, whole: the task kinds it plans, when, how it plans them, and the Java work (operations),
 * file writers (producers) and read-only looks (probes) its tasks name by key. Listed once in the registry;
 * nothing else in the runtime names it.
 */
public interface StepUnit {

    /** The kinds of task it plans, in pipeline order; none for a unit that only lends operations to others. */
    List<TaskKind> kinds();

    Phase phase();

    /**
     * Before any unit plans: checks what the run asks of this step (a selection naming nothing, say) and declares
     * what the plan names beyond tasks (the trees it publishes to).
     */
    default void declare(PlanContext context) {
    }

    /** Adds its tasks to the plan. */
    void plan(PlanContext context);

    /**
     * The step in the words `relengine show` gives it, when it is a step of this unit: the options that change what
     * it does. Empty for a step of another unit.
     */
    default java.util.Optional<StepDescription> describe(org.relengine.model.Step step) {
        return java.util.Optional.empty();
    }

    default Map<OperationKey, Operation> operations() {
        return Map.of();
    }

    default Map<ProducerKey, Producer> producers() {
        return Map.of();
    }

    default Map<OperationKey, Probe> probes() {
        return Map.of();
    }
}
