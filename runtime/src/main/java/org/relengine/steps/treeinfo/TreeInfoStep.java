package org.relengine.steps.treeinfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relengine.formats.TreeInfo;
import org.relengine.model.Executor;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.Producer;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.prepare.PrepareStep;
import org.relengine.steps.sync.SyncKey;
import org.relengine.steps.unpack.BootTrees;
import org.relengine.steps.unpack.UnpackKey;

/** The {@code .treeinfo}, {@code .discinfo} and {@code media.repo} of every repo tree of a new compose. */
public final class TreeInfoStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("treeinfo", "compose");

    static final ProducerKey TREEINFO = new ProducerKey("treeinfo", ".treeinfo");
    static final ProducerKey DISCINFO = new ProducerKey("discinfo", ".discinfo");
    static final ProducerKey MEDIA_REPO = new ProducerKey("media-repo", "media.repo");

    public TreeInfoStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        Recipe recipe = context.recipe();
        if (recipe.composesSig()) {
            return;   // a SIG's repos are plain yum repositories, as sync_sig.py leaves them: no install trees
        }
        Release release = context.release();
        ComposeLayout layout = context.layout();
        Set<String> bootTrees = BootTrees.repos(recipe);
        for (Repo repo : context.repos()) {
            for (String arch : context.selected(repo.arches())) {
                List<TaskKey> deps = new ArrayList<>(List.of(SyncKey.os(repo.name(), arch),
                        SyncKey.kickstart(repo.name(), arch)));
                boolean boot = bootTrees.contains(repo.name());
                if (boot) {
                    deps.add(new UnpackKey(arch));
                }
                List<Action> actions = new ArrayList<>();
                List<String> outputs = new ArrayList<>();
                List<String> trees = new ArrayList<>(List.of(layout.tree(repo.name(), arch)));
                if (context.planned(SyncKey.kickstart(repo.name(), arch))) {
                    trees.add(layout.kickstartTree(repo.name(), arch));
                }
                for (String tree : trees) {
                    String flavour = tree.endsWith("/kickstart") ? "kickstart" : "os";
                    Map<String, String> info = Params.of("tree", tree, "repo", repo.name(), "arch", arch,
                            "name", release.name(), "short", release.shortName(), "version", release.version(),
                            "description", release.name() + " " + release.version());
                    if (boot) {
                        // the install tree names the AppStream variant, as Rocky's BaseOS trees do
                        List<String> others = bootVariants(recipe, repo, arch);
                        info.put("variants", String.join(",", others));
                        others.stream().filter(o -> !o.equals(repo.name())).forEach(o ->
                                info.put("variant." + o, "../../../" + o + "/" + arch + "/" + flavour));
                    }
                    for (ProducerKey file : List.of(TREEINFO, DISCINFO, MEDIA_REPO)) {
                        outputs.add(tree + "/" + file.description());
                        actions.add(new Action.WriteFile(tree + "/" + file.description(), file, null, info));
                    }
                }
                context.add(new PlannedTask(new TreeInfoKey(repo.name(), arch), repo.name(), arch,
                        context.plannedOf(deps, PrepareStep.KEY), List.of(layout.tree(repo.name(), arch)), outputs,
                        Executor.LOCAL, false, actions));
            }
        }
    }

    /** The variants an install tree lists: itself, then the repos of the images its boot tree serves. */
    private static List<String> bootVariants(Recipe recipe, Repo repo, String arch) {
        List<String> variants = new ArrayList<>(List.of(repo.name()));
        recipe.image(repo.name()).ifPresent(image -> image.repos().stream()
                .filter(r -> !variants.contains(r) && recipe.repo(r).map(x -> x.existsOn(arch)).orElse(false))
                .forEach(variants::add));
        return variants;
    }

    @Override
    public Map<ProducerKey, Producer> producers() {
        return Map.of(
                TREEINFO, (p, path, context) -> TreeInfo.treeinfo(Path.of(p.get("tree")), p.get("arch"), p.get("name"),
                        p.get("short"), p.get("version"), p.get("repo"), otherVariants(p), context.timestamp(), null),
                DISCINFO, (p, path, context) -> TreeInfo.discinfo(context.timestamp(), p.get("description"),
                        p.get("arch")),
                MEDIA_REPO, (p, path, context) -> TreeInfo.mediaRepo(context.timestamp(), p.get("description")));
    }

    private static Map<String, String> otherVariants(Map<String, String> p) {
        Map<String, String> others = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (k.startsWith("variant.")) {
                others.put(k.substring("variant.".length()), v);
            }
        });
        return others;
    }
}
