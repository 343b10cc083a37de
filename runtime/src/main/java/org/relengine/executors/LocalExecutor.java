package org.relengine.executors;

import java.util.Optional;
import org.relengine.effects.Effects;
import org.relengine.model.Executor;

/** This machine: each action as the plan has it, commands run as they are written. */
public final class LocalExecutor implements TaskExecutor {

    @Override
    public Executor name() {
        return Executor.LOCAL;
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.empty();
    }

    @Override
    public Outcome perform(Placed placed, Effects effects) {
        return ActionWalk.perform(placed.task(), effects);
    }
}
