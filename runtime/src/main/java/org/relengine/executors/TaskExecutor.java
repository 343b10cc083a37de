package org.relengine.executors;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relengine.effects.Effects;
import org.relengine.model.Executor;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * Where a task's work runs: this machine, a container, a mock chroot, a Kubernetes Job. An executor turns the
 * task's actions into work there, through the effects it is given (a dry run's record them), and reports how
 * the task ended. The scheduler knows executors only through this interface, found by the recipe's name for them.
 */
public interface TaskExecutor {

    /** The recipe's word for it ({@code on: podman}). */
    Executor name();

    /** Why tasks cannot run on it from this machine now, or empty when they can. */
    Optional<String> unavailable();

    /** The programs on this machine that take a task there ({@code podman}); none for this machine itself. */
    default List<String> programs() {
        return List.of();
    }

    /**
     * Why this executor cannot perform the task as planned (an action that cannot be taken where it runs), or
     * empty. A run checks every task before anything starts.
     */
    default Optional<String> refusal(Plan plan, Task task) {
        return Optional.empty();
    }

    /**
     * What running there adds to the task's ingredients, so that {@code --resume} runs it again when it changes:
     * the digest of a container image, say.
     */
    default Map<String, String> ingredients(Plan plan, Task task) {
        return Map.of();
    }

    /** Performs the task's actions in order, up to the first that fails. */
    Outcome perform(Placed placed, Effects effects);

    /**
     * A task as an executor gets it: the plan it belongs to (its compose and the recipe's executor settings), and
     * the hash of its ingredients (in a dry run, of the task as planned), which names the work done elsewhere.
     */
    record Placed(Plan plan, Task task, String hash) {
    }

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
