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

/**
 * {@code staging createrepo: true}: Rocky 8's update path. Each staged repo's repodata made again with
 * {@code createrepo_c --update}, its comps and module metadata handed back from the compose's own repodata.
 */
public final class CreaterepoStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("createrepo", "publish");

    private static final OperationKey EXTRACT_METADATA = new OperationKey("extract-repo-metadata");
    private static final OperationKey DROP_EMPTY_OPEN_SIZE = new OperationKey("drop-empty-open-size");

    public CreaterepoStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        var staging = context.recipe().step(Step.Staging.class);
        if (staging.isEmpty() || !staging.get().createrepo()) {
            return;
        }
        Release release = context.release();
        ComposeLayout layout = context.layout();
        String target = context.paths().stagingDir();
        List<TaskKey> after = context.publishAfter();
        List<TaskKey> keys = new ArrayList<>();
        // the major, as sync-to-staging.sh passes it (MAJOR): the repodata of every point release says 8
        String distro = "--distro=cpe:/o:rocky:rocky:" + release.major() + "," + release.name() + " "
                + release.major();
        for (Repo repo : context.repos()) {
            for (String arch : context.selected(context.recipe().syncArches(repo))) {
                String tree = target + "/" + repo.name() + "/" + arch + "/os";
                String composed = layout.tree(repo.name(), arch);
                String comps = layout.work() + "/" + arch + "/comps/comps-" + repo.name() + "." + arch + ".xml";
                String modules = layout.work() + "/" + arch + "/modules/" + repo.name() + "-modules.yaml";
                List<Action> actions = new ArrayList<>();
                // createrepo_c --update drops the group and modules entries: take them from the compose's own
                // repodata (as synced from the source) and hand them back
                if (repo.comps() || repo.modules()) {
                    Map<String, String> p = Params.of("tree", composed);
                    List<String> written = new ArrayList<>();
                    if (repo.comps()) {
                        p.put("comps", comps);
                        written.add(comps);
                    }
                    if (repo.modules()) {
                        p.put("modules", modules);
                        written.add(modules);
                    }
                    actions.add(new Action.Internal(EXTRACT_METADATA, "take the "
                            + (repo.comps() && repo.modules() ? "comps file and module metadata"
                            : repo.comps() ? "comps file" : "module metadata") + " of " + composed
                            + " from its repodata into " + String.join(" and ", written), written, p));
                }
                List<String> argv = new ArrayList<>(List.of("createrepo_c", "--update", "--workers", "12", "--xz",
                        "--checksum=sha256", "--revision=" + release.major(), distro));
                if (repo.comps()) {
                    argv.add("--groupfile=" + comps);
                }
                argv.add(tree);
                actions.add(new Action.Exec(argv));
                if (repo.modules()) {
                    actions.add(new Action.Exec(List.of("modifyrepo_c", "--mdtype=modules", modules, tree + "/repodata",
                            "--compress", "--compress-type=xz")));
                }
                String repomd = tree + "/repodata/repomd.xml";
                actions.add(new Action.Internal(DROP_EMPTY_OPEN_SIZE, "remove the empty <open-size></open-size> "
                        + "lines from " + repomd + ", as the toolkit's fix_metadata does", List.of(repomd),
                        Params.of("repomd", repomd)));
                actions.add(PublishActions.publishedModes(tree + "/repodata", "createrepo_c"));
                CreaterepoKey key = new CreaterepoKey(repo.name(), arch);
                context.add(new PlannedTask(key, repo.name(), arch, after, List.of(tree, composed),
                        List.of(tree + "/repodata"), Executor.LOCAL, false, actions));
                keys.add(key);
            }
        }
        if (!keys.isEmpty()) {
            context.publishedThrough(keys);
        }
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(EXTRACT_METADATA, (p, log, context) -> RepoMetadata.extract(p, log),
                DROP_EMPTY_OPEN_SIZE, (p, log, context) -> RepoMetadata.dropEmptyOpenSize(
                        java.nio.file.Path.of(p.get("repomd")), log));
    }
}
