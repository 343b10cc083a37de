package org.relengine.executors;

import java.util.Optional;
import org.relengine.effects.Effects;
import org.relengine.model.Executor;

/**
 * An executor a recipe may name that this version of relengine cannot drive yet (podman, mock, Kubernetes): a
 * real run refuses its tasks before anything starts; plans and dry runs show them as they are planned.
 */
public final class NotYetDriven implements TaskExecutor {

    private final Executor name;

    public NotYetDriven(Executor name) {
        this.name = name;
    }

    @Override
    public Executor name() {
        return name;
    }

    /** A Kubernetes Job is reached through its API, with no program on this machine. */
    @Override
    public java.util.List<String> programs() {
        return name == Executor.KUBERNETES ? java.util.List.of() : java.util.List.of(name.word());
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.of(name.word() + " is not driven by this version of relengine");
    }

    /** A dry run's walk: the actions as planned, recorded; a real run never gets here ({@link #unavailable}). */
    @Override
    public Outcome perform(Placed placed, Effects effects) {
        return ActionWalk.perform(placed.task(), effects);
    }
}
