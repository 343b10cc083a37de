package org.relengine.steps.promote;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relengine.model.Executor;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.publish.PublishActions;
import org.relengine.steps.publish.Rsync;

/**
 * {@code production}: Rocky's sync-to-prod. Staging promoted in three passes, payload before repodata before
 * {@code repomd.xml}, so that a mirror never sees metadata naming files it lacks; old repodata kept for a grace
 * period.
 */
public final class PromoteStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("promote", "publish");
    public static final TaskKey KEY = TaskKey.of(KIND);

    private static final OperationKey PRUNE_OLD_REPODATA = new OperationKey("prune-old-repodata");

    public PromoteStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void declare(PlanContext context) {
        if (context.recipe().promotes()) {
            context.target("production", context.paths().productionDir());
        }
    }

    @Override
    public void plan(PlanContext context) {
        var production = context.recipe().step(Step.Production.class);
        if (context.recipe().promotes() && context.recipe().step(Step.Staging.class).isPresent()) {
            promote(context, production.get());
        }
    }

    private static void promote(PlanContext context, Step.Production production) {
        String from = context.paths().stagingDir();
        String to = context.paths().productionDir();
        int allowed = context.options().allowDeletions();
        List<String> excludes = production.exclude();
        // the whole promotion, as its last phase leaves the target; old repodata outlives it (see OldRepodata)
        Rsync.Sync sync = new Rsync.Sync(from, to, production.chown(), production.delete(), excludes,
                production.protect(), true);
        List<Action> actions = new ArrayList<>();
        actions.add(PublishActions.preview(sync));
        actions.add(PublishActions.check(from, "check " + from + ": " + PublishActions.PUBLISHABLE
                + (production.delete() ? ", at most " + allowed + " % of " + to + " deleted" : ""), sync, null,
                allowed));
        actions.add(PublishActions.publishedDirectory(to));
        if (production.delete()) {
            actions.add(new Action.Internal(PRUNE_OLD_REPODATA, "remove repodata files of " + to + " that no "
                    + "repomd.xml names, once they and their repomd.xml are older than " + production.repodataGrace()
                    + " hours", List.of(to), Params.of("target", to, "hours",
                    String.valueOf(production.repodataGrace()))));
        }
        // payload first, then repodata, repomd.xml last: a mirror never sees metadata naming absent files
        List<String> payloadExcludes = new ArrayList<>(excludes);
        payloadExcludes.add("repodata/");
        actions.add(new Action.Exec(Rsync.argv(from, to, production.chown(), false, payloadExcludes, List.of(),
                List.of())));
        List<String> metadataExcludes = new ArrayList<>(excludes);
        metadataExcludes.add("repomd.xml*");
        actions.add(new Action.Exec(Rsync.argv(from, to, production.chown(), false, metadataExcludes, List.of(),
                List.of())));
        actions.add(new Action.Exec(sync.argv(production.delete() ? List.of("--delete-after") : List.of())));
        if (context.recipe().composesSig()) {
            // sync-to-prod-sig.sh: the major's SIGs hardlinked, metadata left apart
            String major = to.substring(0, to.lastIndexOf('/'));
            actions.add(PublishActions.hardlink(major, PublishActions.XML));
        }
        context.add(new PlannedTask(KEY, null, null, context.publishAfter(), List.of(from), List.of(to),
                Executor.LOCAL, false, actions));
        context.publishedThrough(List.of(KEY));
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(PRUNE_OLD_REPODATA, (p, log, context) -> OldRepodata.prune(Path.of(p.get("target")),
                Duration.ofHours(Long.parseLong(p.get("hours"))), Instant.now(), log));
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Production s ? Optional.of(new StepDescription()
                .add(s.delete() ? "delete" : "no delete").exclude(s.exclude(), s.delete() ? s.protect() : List.of())
                .owner(s.chown()).addIf(s.delete(), "old repodata kept " + s.repodataGrace() + " h")) : Optional.empty();
    }
}
