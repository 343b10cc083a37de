package org.relengine.steps.prepare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relengine.model.Executor;
import org.relengine.model.Recipe;
import org.relengine.model.Source;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.steps.dnf.DnfConfig;
import org.relengine.steps.files.FileActions;

/**
 * The compose directory and what every task of it shares: a new compose's directories, or the check that the
 * latest compose an update run writes into exists; and the compose's dnf configuration.
 */
public final class PrepareStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("prepare", "compose");
    /** The first task of every compose: what a task with nothing else to wait for follows. */
    public static final TaskKey KEY = TaskKey.of(KIND);

    private static final OperationKey REQUIRE_COMPOSE = new OperationKey("require-compose");

    public PrepareStep() {
        super(Phase.COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        ComposeLayout layout = context.layout();
        List<Action> actions = new ArrayList<>();
        if (context.options().full()) {
            actions.add(new Action.MakeDirectory(layout.composeDir()));
        } else {
            actions.add(new Action.Internal(REQUIRE_COMPOSE, "require the latest compose " + layout.composeDir()
                    + " (an update run writes into it)", List.of(layout.composeDir()),
                    Params.of("path", layout.composeDir())));
        }
        actions.add(new Action.MakeDirectory(layout.compose()));
        actions.add(new Action.MakeDirectory(layout.logs()));
        actions.add(new Action.MakeDirectory(layout.work() + "/dnf"));
        syncSource(context.recipe()).ifPresent(source -> {
            String config = DnfConfig.render(context.recipe(), source, context.repos(), layout);
            actions.add(FileActions.writePrivate(layout.dnfConfig(), config, "write " + layout.dnfConfig()
                    + " (dnf configuration, " + config.lines().count() + " lines), created 0600: it holds the "
                    + "credentials of a source URL, if it has any"));
        });
        context.add(new PlannedTask(KEY, null, null, List.of(), List.of(), List.of(layout.composeDir()),
                Executor.LOCAL, false, actions));
    }

    /** The source the recipe syncs from, if it syncs. */
    public static Optional<Source> syncSource(Recipe recipe) {
        return recipe.step(Step.Sync.class).flatMap(sync -> recipe.source(sync.from()));
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(REQUIRE_COMPOSE, (p, log, context) -> {
            if (!Files.isDirectory(Path.of(p.get("path")))) {
                throw new TaskFailure("there is no compose at " + p.get("path") + ": an update run writes into "
                        + "the latest compose, so make one with a full run first");
            }
        });
    }
}
