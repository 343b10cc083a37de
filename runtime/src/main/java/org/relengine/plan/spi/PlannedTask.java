package org.relengine.plan.spi;

import java.util.List;
import org.relengine.model.Executor;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.TaskKey;

/**
 * A task as a step unit plans it: dependencies by key; the kernel checks them and makes the plan's
 * {@link org.relengine.plan.Task}.
 */
public record PlannedTask(TaskKey key, String repo, String arch, List<? extends TaskKey> dependsOn,
                          List<String> inputs, List<String> outputs, Executor executor, boolean failable,
                          List<Action> actions, Step.Retry retry) {

    /** A task tried once. */
    public PlannedTask(TaskKey key, String repo, String arch, List<? extends TaskKey> dependsOn, List<String> inputs,
                       List<String> outputs, Executor executor, boolean failable, List<Action> actions) {
        this(key, repo, arch, dependsOn, inputs, outputs, executor, failable, actions, Step.Retry.NONE);
    }
}
