package org.relengine.plan.spi;

import java.util.List;
import org.relengine.plan.TaskKind;

/** A step unit whose task kinds and phase are given when it is made. */
public abstract class AbstractStepUnit implements StepUnit {

    private final Phase phase;
    private final List<TaskKind> kinds;

    /** @param kinds the kinds of task it plans, in pipeline order; none for a unit that only lends operations */
    protected AbstractStepUnit(Phase phase, TaskKind... kinds) {
        this.phase = phase;
        this.kinds = List.of(kinds);
    }

    @Override
    public final List<TaskKind> kinds() {
        return kinds;
    }

    @Override
    public final Phase phase() {
        return phase;
    }
}
