package org.relengine.executors;

import java.util.Optional;
import org.relengine.effects.Effects;
import org.relengine.model.Executor;

/**
 * An executor a recipe may name that this version of relengine cannot drive yet (podman, mock): a
 * real run refuses its tasks before anything starts; plans and dry runs show them as they are planned.
 */
final class NotYetDriven implements TaskExecutor {

    private final Executor name;

    NotYetDriven(Executor name) {
        this.name = name;
    }

    @Override
    public Executor name() {
        return name;
    }

    @Override
    public java.util.List<String> programs() {
        return java.util.List.of(name.word());
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
