package org.relengine.steps.createrepo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relengine.model.Executor;
import org.relengine.model.Release;
import org.relengine.model.Repo;
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
import org.relengine.steps.publish.PublishActions;
import org.relengine.steps.publish.StagedTree;

/**
 * {@code staging createrepo: true}: Rocky 8's update path as sync-to-staging.sh runs it. Each staged tree's repodata
 * made again with {@code createrepo_c --update}: the {@code os} tree of a comps repo with its comps file, the
 * others plain; module metadata handed back with {@code modifyrepo_c}; the empty {@code <open-size>} lines
 * removed. (The stage task removed the old repodata before its rsync; the hardlink task runs after.)
 */
public final class CreaterepoStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("createrepo", "publish");

    private static final OperationKey COMPS = new OperationKey("take-comps");
    private static final OperationKey MODULES = new OperationKey("take-module-metadata");

    public CreaterepoStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        var staging = context.recipe().step(Step.Staging.class);
        if (staging.isEmpty() || !staging.get().createrepo()) {
            return;
        }
        String target = context.paths().stagingDir();
        List<TaskKey> after = context.publishAfter();
        List<TaskKey> keys = new ArrayList<>();
        for (StagedTree tree : StagedTree.of(context, target, StagedTree.REBUILT)) {
            Repo repo = tree.repo();
            List<Action> actions = rebuild(context, tree);
            CreaterepoKey key = new CreaterepoKey(repo.name(), tree.arch(), tree.kind());
            context.add(new PlannedTask(key, repo.name(), tree.arch(), after, List.of(tree.path(), tree.composed()),
                    List.of(tree.path() + "/repodata"), Executor.LOCAL, false, actions));
            keys.add(key);
        }
        if (!keys.isEmpty()) {
            context.publishedThrough(keys);
        }
    }

    /**
     * What makes one tree's repodata again, as the toolkit's createrepo_comps or createrepo_update does: the os tree
     * of a comps repo with its comps file (the compose's, else taken from {@code tree.composed()}'s repodata), the
     * others plain; module metadata handed back; the empty {@code <open-size>} lines removed; the modes set.
     */
    public static List<Action> rebuild(PlanContext context, StagedTree tree) {
        Release release = context.release();
        ComposeLayout layout = context.layout();
        // the major, as sync-to-staging.sh passes it (MAJOR): the repodata of every point release says 8
        String distro = "--distro=cpe:/o:rocky:rocky:" + release.major() + "," + release.name() + " "
                + release.major();
        Repo repo = tree.repo();
        boolean os = tree.kind() == StagedTree.Kind.OS;
        List<Action> actions = new ArrayList<>();
        List<String> argv = new ArrayList<>(List.of("createrepo_c", "--update", tree.path()));
        if (os && repo.comps()) {
            // createrepo_c --update drops the groups: the compose's comps file (Pungi's, or taken from the
            // repodata the compose synced) is handed back, as createrepo_comps does
            String comps = layout.work() + "/" + tree.arch() + "/comps/comps-" + repo.name() + "." + tree.arch()
                    + ".xml";
            actions.add(new Action.Internal(COMPS, "use " + comps + " where the compose has it (Pungi writes "
                    + "it), else take the comps file of " + tree.composed() + " from its repodata into it",
                    List.of(comps), Params.of("tree", tree.composed(), "comps", comps)));
            argv.addAll(List.of("--groupfile=" + comps, "--xz", "--revision=" + release.major(), distro,
                    "--workers", "12", "--checksum=sha256"));
        } else {
            argv.addAll(List.of(distro, "--workers", "12"));
        }
        actions.add(new Action.Exec(argv));
        if (os && repo.modules()) {
            // named modules.yaml, as modifyrepo_module copies it: modifyrepo_c names the repodata file after it
            String modules = layout.work() + "/" + tree.arch() + "/modules/" + repo.name() + "/modules.yaml";
            String metadata = context.paths().moduleMetadata(tree.arch(), repo.name());
            actions.add(new Action.Internal(MODULES, "take the module metadata " + metadata + " where it "
                    + "exists (rocky-module-metadata), else that of " + tree.composed() + " from its repodata, "
                    + "into " + modules, List.of(modules),
                    Params.of("tree", tree.composed(), "modules", modules, "metadata", metadata)));
            actions.add(new Action.Exec(List.of("modifyrepo_c", "--mdtype=modules", modules,
                    tree.path() + "/repodata", "--compress", "--compress-type=xz")));
        }
        actions.add(PublishActions.dropEmptyOpenSize(tree.repomd()));
        actions.add(PublishActions.publishedModes(tree.path() + "/repodata", "createrepo_c"));
        return actions;
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(COMPS, (p, log, context) -> RepoMetadata.comps(p, log),
                MODULES, (p, log, context) -> RepoMetadata.modules(p, log));
    }
}
