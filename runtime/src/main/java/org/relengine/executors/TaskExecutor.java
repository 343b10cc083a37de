package org.relengine.executors;

import java.util.Optional;
import org.relengine.effects.Effects;
import org.relengine.model.Executor;
import org.relengine.plan.Task;

/**
 * Where a task's work runs: this machine, a container, a mock chroot, a Kubernetes Job. An executor turns the
 * task's actions into work there, through the effects it is given (a dry run's record them), and reports how
 * the task ended. The scheduler knows executors only through this interface, found by the recipe's name for them.
 */
public interface TaskExecutor {

    /** The recipe's word for it ({@code on: podman}). */
    Executor name();

    /** Why this version of relengine cannot run tasks on it here, or empty when it can. */
    Optional<String> unavailable();

    /** The programs on this machine that take a task there ({@code podman}); none for this machine itself. */
    default java.util.List<String> programs() {
        return java.util.List.of();
    }

    /** Performs the task's actions in order, up to the first that fails. */
    Outcome perform(Task task, Effects effects);

    /**
     * How a task's actions ended.
     *
     * @param failure why the task failed, in the user's words; null when every action was performed
     * @param exit    the exit status of the command that failed it, when one did
     */
    record Outcome(String failure, Integer exit) {

        public static final Outcome DONE = new Outcome(null, null);

        public boolean done() {
            return failure == null;
        }
    }
}
