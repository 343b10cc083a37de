package org.relengine.steps.stage;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.relengine.model.ComposePaths;
import org.relengine.model.Executor;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.publish.PublishActions;
import org.relengine.steps.publish.Rsync;
import org.relengine.steps.publish.StagedTree;
import org.relengine.steps.files.FileActions;

/**
 * {@code staging}: Rocky's sync-to-staging. The finished compose, guarded, hard-linked and rsynced into staging;
 * then the links the release scripts make beside it ({@code latest-9}, {@code 9.7} → {@code 9.7-RC2}), each a new
 * relative link renamed over the old.
 */
public final class StageStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("stage", "publish");
    public static final TaskKey KEY = TaskKey.of(KIND);

    public StageStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void declare(PlanContext context) {
        if (context.recipe().step(Step.Staging.class).isPresent()) {
            context.target("staging", context.paths().stagingDir());
        }
    }

    @Override
    public void plan(PlanContext context) {
        context.recipe().step(Step.Staging.class).ifPresent(staging -> stage(context, staging));
    }

    private static void stage(PlanContext context, Step.Staging staging) {
        ComposeLayout layout = context.layout();
        String target = context.paths().stagingDir();
        List<String> excludes = new ArrayList<>(staging.exclude());
        context.recipe().step(Step.MinorRelease.class).ifPresent(r -> excludes.addAll(r.stagingExcludes()));
        // a SIG's compose publishes its own tree, compose/9/cloud, as sync-to-staging-sig.sh does
        String published = layout.published();
        Rsync.Sync sync = new Rsync.Sync(published, target, staging.chown(), staging.delete(),
                excludes, staging.protect(), false);
        int allowed = context.options().allowDeletions();
        List<Action> actions = new ArrayList<>();
        actions.add(PublishActions.preview(sync));
        actions.add(PublishActions.check(published, "check " + published + (staging.delete()
                ? ": compose FINISHED, " + PublishActions.PUBLISHABLE + ", at most " + allowed + " % of " + target
                + " deleted" : ": " + PublishActions.PUBLISHABLE), sync, layout.composeDir() + "/STATUS", allowed));
        // a compose made elsewhere is left as it was made; the target is hardlinked after (the hardlink step)
        if (staging.hardlink() && !context.recipe().publishesExisting()) {
            actions.add(PublishActions.hardlink(layout.compose()));
        }
        actions.add(PublishActions.publishedDirectory(target));
        if (staging.createrepo()) {
            // sync-to-staging.sh: createrepo_c --update rebuilds them below, from what the rsync brings
            for (StagedTree tree : StagedTree.of(context, target, StagedTree.REBUILT)) {
                actions.add(FileActions.empty(tree.path() + "/repodata", "rm " + tree.path() + "/repodata/*: the "
                        + "old repodata goes before the rsync, and createrepo_c --update makes it again"));
            }
        }
        actions.add(new Action.Exec(sync.argv(List.of())));
        List<String> outputs = new ArrayList<>(List.of(target));
        // first the toolkit's LINK_REPOS, names repos had when they were composed apart, inside the staged release;
        // then the release's links beside it
        List<ComposePaths.Link> links = new ArrayList<>();
        staging.links().forEach((name, repo) -> links.add(new ComposePaths.Link(target + "/" + name, repo)));
        links.addAll(context.paths().stagingLinks());
        for (ComposePaths.Link link : links) {
            actions.add(new Action.Symlink(link.path(), link.target()));
            outputs.add(link.path());
        }
        context.add(new PlannedTask(KEY, null, null, context.publishAfter(), List.of(published),
                outputs, Executor.LOCAL, false, actions));
        context.publishedThrough(List.of(KEY));
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Staging s ? Optional.of(new StepDescription().add(s.delete() ? "delete" : "no delete")
                .addIf(s.createrepo(), "createrepo --update").exclude(s.exclude(), s.delete() ? s.protect() : List.of())
                .addIf(!s.links().isEmpty(), "links " + String.join(", ", s.links().entrySet().stream()
                        .map(l -> l.getKey() + " -> " + l.getValue()).toList()))
                .owner(s.chown())) : Optional.empty();
    }
}
