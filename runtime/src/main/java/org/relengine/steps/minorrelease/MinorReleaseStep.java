package org.relengine.steps.minorrelease;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relengine.model.Executor;
import org.relengine.model.Lorax;
import org.relengine.model.Image;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.StepDescription;
import org.relengine.steps.finalize.FinalizeStep;
import org.relengine.steps.publish.PublishActions;
import org.relengine.steps.publish.Rsync;
import org.relengine.steps.unpack.IsoCompanions;

/**
 * {@code minorRelease}: Rocky's minor-release-sync-to-staging, on a compose made elsewhere, after the stage rsync
 * (which left the ISO directories and the dropped variants out). Per arch, the ISOs of the variants' {@code <arch>/iso}
 * copied into the staged release's {@code isos/<arch>} with their latest links, a manifest and a .CHECKSUM for each
 * name, and the arch's CHECKSUM; per kickstart repo and arch, the os tree copied into {@code kickstart}; per arch, the
 * install tree's {@code .treeinfo} (os and kickstart) given the other lorax repos as variants, as treeinfoModder
 * does, and kept as {@code .treeinfo-pristine}. The compose itself is not touched: the toolkit moves its ISOs.
 */
public final class MinorReleaseStep extends AbstractStepUnit {

    public static final TaskKind ISOS = new TaskKind("release-isos", "publish");
    public static final TaskKind KICKSTART = new TaskKind("kickstart", "publish");
    public static final TaskKind TREEINFO = new TaskKind("treeinfo-variants", "publish");

    static final OperationKey GATHER_ISOS = new OperationKey("gather-isos");
    static final OperationKey ADD_VARIANTS = new OperationKey("add-treeinfo-variants");

    /** {@code release-isos:x86_64}. */
    public record IsosKey(String arch) implements TaskKey {
        public String id() {
            return ISOS.word() + ":" + arch;
        }

        public TaskKind kind() {
            return ISOS;
        }
    }

    /** {@code kickstart:BaseOS:x86_64}. */
    public record KickstartKey(String repo, String arch) implements TaskKey {
        public String id() {
            return KICKSTART.word() + ":" + repo + ":" + arch;
        }

        public TaskKind kind() {
            return KICKSTART;
        }
    }

    /** {@code treeinfo-variants:x86_64}. */
    public record TreeInfoKey(String arch) implements TaskKey {
        public String id() {
            return TREEINFO.word() + ":" + arch;
        }

        public TaskKind kind() {
            return TREEINFO;
        }
    }

    public MinorReleaseStep() {
        super(Phase.PUBLISH, ISOS, KICKSTART, TREEINFO);
    }

    @Override
    public void plan(PlanContext context) {
        var minorRelease = context.recipe().step(Step.MinorRelease.class);
        var staging = context.recipe().step(Step.Staging.class);
        if (minorRelease.isEmpty() || staging.isEmpty() || !context.recipe().publishesExisting()) {
            return;
        }
        Step.MinorRelease step = minorRelease.get();
        Recipe recipe = context.recipe();
        String target = context.paths().stagingDir();
        List<TaskKey> after = context.publishAfter();
        List<TaskKey> keys = new ArrayList<>();
        for (String arch : context.selected(recipe.arches())) {
            keys.add(isos(context, step, target, arch, after));
        }
        for (Repo repo : context.repos()) {
            if (step.kickstartFor(repo)) {
                for (String arch : context.selected(recipe.syncArches(repo))) {
                    String os = target + "/" + repo.name() + "/" + arch + "/os";
                    String kickstart = target + "/" + repo.name() + "/" + arch + "/kickstart";
                    KickstartKey key = new KickstartKey(repo.name(), arch);
                    // rsync_no_delete: the kickstart tree is the release's golden copy of the os tree
                    context.add(new PlannedTask(key, repo.name(), arch, after, List.of(os), List.of(kickstart),
                            Executor.LOCAL, false, List.of(new Action.Exec(Rsync.argv(os, kickstart,
                            staging.get().chown(), false, List.of(), List.of(), List.of())))));
                    keys.add(key);
                }
            }
        }
        Lorax lorax = recipe.lorax();
        if (lorax != null && recipe.repo(lorax.variant()).isPresent()) {
            List<String> variants = lorax.repos().stream().filter(r -> !r.equals(lorax.variant())).toList();
            for (String arch : context.selected(recipe.syncArches(recipe.repo(lorax.variant()).get()))) {
                keys.add(treeinfo(context, target, lorax.variant(), variants, arch, after));
            }
        }
        context.publishedThrough(keys);
    }

    private static TaskKey isos(PlanContext context, Step.MinorRelease step, String target, String arch,
                                List<TaskKey> after) {
        Release release = context.release();
        ComposeLayout layout = context.layout();
        String dir = target + "/isos/" + arch;
        List<ReleaseIso> isos = isos(context.recipe(), release, arch);
        List<String> names = isos.stream().map(ReleaseIso::name).toList();
        List<String> from = step.isos().stream().map(v -> layout.compose() + "/" + v + "/" + arch + "/iso").toList();
        List<Action> actions = new ArrayList<>();
        actions.add(PublishActions.publishedDirectory(dir));
        actions.add(new Action.Internal(GATHER_ISOS, "copy " + String.join(", ", names) + " from "
                + String.join(" or ", from) + " into " + dir + "; refused if one is missing or another ISO is there",
                names.stream().map(n -> dir + "/" + n).toList(),
                Params.of("from", String.join(",", from), "into", dir, "names", String.join(",", names))));
        for (ReleaseIso iso : isos) {
            actions.add(new Action.Symlink(dir + "/" + iso.latest(), iso.name()));
        }
        // every *.iso of the directory, the latest links included, as the toolkit's `for file in *.iso`; a link's
        // manifest from its ISO's listing, read once
        for (ReleaseIso iso : isos) {
            String file = dir + "/" + iso.name();
            String latest = dir + "/" + iso.latest();
            IsoCompanions.manifest(actions, layout, file, latest);
            actions.add(IsoCompanions.checksum(file));
            actions.add(IsoCompanions.checksum(latest));
        }
        actions.add(FinalizeStep.mergedChecksum(dir));
        actions.add(PublishActions.publishedModes(dir, "relengine"));
        IsosKey key = new IsosKey(arch);
        context.add(new PlannedTask(key, null, arch, after, from, List.of(dir), Executor.LOCAL, false, actions));
        return key;
    }

    /** One ISO of the release and its latest link's name ({@code Rocky-9-latest-x86_64-dvd.iso}). */
    record ReleaseIso(String name, String latest) {
    }

    /**
     * The release's ISOs on the arch: the boot ISO where the recipe declares lorax, then every disc image, built by
     * relengine or not (the compose made elsewhere decided).
     */
    static List<ReleaseIso> isos(Recipe recipe, Release release, String arch) {
        List<ReleaseIso> isos = new ArrayList<>();
        if (recipe.lorax() != null) {
            isos.add(new ReleaseIso(release.bootIsoName(arch), release.latestIsoName(arch, IsoCompanions.BOOT)));
        }
        for (Image image : recipe.images()) {
            if (image.disc()) {
                isos.add(new ReleaseIso(release.isoName(arch, image.name()), release.latestIsoName(arch, image.name())));
            }
        }
        return isos;
    }

    private static TaskKey treeinfo(PlanContext context, String target, String repo,
                                    List<String> variants, String arch, List<TaskKey> after) {
        List<TaskKey> deps = new ArrayList<>(after);
        List<String> trees = new ArrayList<>(List.of(target + "/" + repo + "/" + arch + "/os"));
        KickstartKey kickstart = new KickstartKey(repo, arch);
        if (context.planned(kickstart)) {
            deps.add(kickstart);
            trees.add(target + "/" + repo + "/" + arch + "/kickstart");
        }
        List<Action> actions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String tree : trees) {
            String kind = tree.substring(tree.lastIndexOf('/') + 1);
            actions.add(new Action.Internal(ADD_VARIANTS, "name " + String.join(", ", variants) + " in "
                    + tree + "/.treeinfo (their " + kind + " trees), and keep it as "
                    + Step.MinorRelease.PRISTINE_TREEINFO, List.of(tree + "/.treeinfo",
                    tree + "/" + Step.MinorRelease.PRISTINE_TREEINFO),
                    Params.of("tree", tree, "arch", arch, "kind", kind, "variants", String.join(",", variants))));
            outputs.add(tree + "/.treeinfo");
        }
        TreeInfoKey key = new TreeInfoKey(arch);
        context.add(new PlannedTask(key, repo, arch, deps, trees, outputs, Executor.LOCAL, false, actions));
        return key;
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(GATHER_ISOS, (p, log, context) -> ReleaseIsos.gather(p, log),
                ADD_VARIANTS, (p, log, context) -> TreeInfoVariants.apply(p, log));
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.MinorRelease r ? Optional.of(new StepDescription()
                .add("ISOs of " + String.join(", ", r.isos()))
                .add(r.kickstart() == null ? "kickstart trees of the comps repos"
                        : "kickstart trees of " + String.join(", ", r.kickstart()))
                .addIf(!r.drop().isEmpty(), "leaves out " + String.join(", ", r.drop()))) : Optional.empty();
    }
}
