package org.relengine.steps.extras;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relengine.formats.ImageIdentity;
import org.relengine.formats.IsoVolume;
import org.relengine.formats.TreeInfo;
import org.relengine.formats.XorrisoDialog;
import org.relengine.model.Image;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
import org.relengine.plan.PlanException;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.Producer;
import org.relengine.plan.spi.ProducerContext;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.steps.extrafiles.ExtraFilesStep;
import org.relengine.steps.files.FileActions;
import org.relengine.steps.prepare.PrepareStep;
import org.relengine.steps.sync.SyncKey;
import org.relengine.steps.unpack.BootTrees;
import org.relengine.steps.unpack.IsoCompanions;
import org.relengine.steps.unpack.UnpackKey;
import org.relengine.validate.Suggestions;

/**
 * {@code extras}: Rocky's build-iso-extra. A disc per image and arch, made by xorriso from the boot ISO, the boot
 * tree, the extra files and the packages of the image's repos, with its checksum implanted and its El Torito
 * report checked.
 */
public final class ExtrasStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("extras", "images");

    private static final ProducerKey GRAFT_LIST = new ProducerKey("xorriso-graft-list", "xorriso graft list");
    private static final ProducerKey DISC_TREEINFO = new ProducerKey("disc-treeinfo", "the disc's .treeinfo");
    private static final ProducerKey DISC_DISCINFO = new ProducerKey("disc-discinfo", "the disc's .discinfo");
    private static final OperationKey CHECK_REPORT = new OperationKey("check-report");

    public ExtrasStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    /** {@code --image} must name an image the recipe builds. */
    @Override
    public void declare(PlanContext context) {
        String image = context.options().image();
        if (image == null) {
            return;
        }
        List<String> built = context.recipe().compose().stream().filter(Step.Extras.class::isInstance)
                .map(s -> ((Step.Extras) s).image()).toList();
        if (!built.contains(image)) {
            throw new PlanException("--image " + image + ": the recipe builds no image `" + image + "`",
                    built.isEmpty() ? "the recipe has no `extras` step"
                            : Suggestions.closest(image, built).map(n -> "did you mean `" + n + "`?")
                            .orElse("images built: " + String.join(", ", built)));
        }
    }

    @Override
    public void plan(PlanContext context) {
        for (Step step : context.recipe().compose()) {
            if (step instanceof Step.Extras extras
                    && (context.options().image() == null || context.options().image().equals(extras.image()))) {
                extras(context, extras);
            }
        }
    }

    private static void extras(PlanContext context, Step.Extras extras) {
        Recipe recipe = context.recipe();
        Release release = context.release();
        ComposeLayout layout = context.layout();
        Image image = recipe.image(extras.image()).orElseThrow();
        for (String arch : context.selected(recipe.arches())) {
            List<TaskKey> deps = new ArrayList<>(List.of(new UnpackKey(arch), ExtraFilesStep.KEY));
            List<String> inputs = new ArrayList<>(List.of(layout.lorax(arch), layout.extraFiles()));
            for (String repo : image.repos()) {
                if (recipe.repo(repo).map(r -> r.existsOn(arch)).orElse(false)) {
                    deps.add(SyncKey.os(repo, arch));
                    inputs.add(layout.tree(repo, arch));
                }
            }
            String iso = layout.workIsos(arch) + "/" + release.isoName(arch, image.name());
            String partial = FileActions.partial(iso);
            // every disc keeps the boot ISO's volume id (…-dvd): the replayed boot records and
            // inst.stage2=hd:LABEL=… expect it
            String dialog = layout.lorax(arch) + "/xorriso-" + image.name() + "-" + arch + ".txt";
            // the disc's own .treeinfo and .discinfo, which the graft list puts at the disc's root
            String root = layout.lorax(arch) + "/" + image.name();
            String repos = graftRepos(recipe, layout, image, arch);
            Map<String, String> disc = Params.of("tree", layout.lorax(arch) + "/lorax", "arch", arch,
                    "name", release.name(), "short", release.shortName(), "version", release.version(),
                    "repos", repos, "variant", image.variant());
            Map<String, String> graft = new LinkedHashMap<>(disc);
            graft.putAll(Params.of("boot", layout.workIsos(arch) + "/" + release.bootIsoName(arch), "out", partial,
                    "volid", release.volumeId(arch, "dvd"), "extra", layout.extraFiles(), "root", root));
            List<Action> actions = new ArrayList<>(List.of(
                    new Action.WriteFile(root + "/.treeinfo", DISC_TREEINFO, null, disc),
                    new Action.WriteFile(root + "/.discinfo", DISC_DISCINFO, null, disc),
                    FileActions.remove(partial, "remove a partial " + partial + " left by an interrupted run (xorriso "
                            + "will not overwrite it)"),
                    new Action.WriteFile(dialog, GRAFT_LIST, null, graft),
                    new Action.Exec(List.of("xorriso", "-options_from_file", dialog)),
                    new Action.Exec(List.of("implantisomd5", "--supported-iso", partial)),
                    new Action.Exec(List.of("xorriso", "-indev", partial, "-report_el_torito", "as_mkisofs"),
                            layout.scratch(iso, ".eltorito")),
                    new Action.Internal(CHECK_REPORT, "refuse the ISO if xorriso's El Torito report says SORRY",
                            List.of(partial), Params.of("report", layout.scratch(iso, ".eltorito"),
                            "forbidden", "SORRY")),
                    FileActions.moveIntoPlace(partial, iso)));
            IsoCompanions.add(actions, layout, release, arch, iso, image.name());
            context.add(new PlannedTask(new ExtrasKey(image.name(), arch), null, arch,
                    context.plannedOf(deps, PrepareStep.KEY), inputs, List.of(iso, root + "/.treeinfo",
                    root + "/.discinfo"), extras.on(), extras.failable().failableOn(arch), actions));
            context.images().list(arch, "isos/" + arch + "/" + release.isoName(arch, image.name()),
                    discIdentity(recipe, image, arch));
        }
    }

    /**
     * As Pungi's createiso and extra_isos phases list a disc: type dvd, the owning variant as subvariant,
     * and the other variants whose packages it carries as additional variants, which makes it unified.
     */
    private static ImageIdentity discIdentity(Recipe recipe, Image image, String arch) {
        String owner = BootTrees.imagesOwner(recipe);
        List<String> others = !image.graft() ? List.of() : image.repos().stream()
                .filter(r -> !r.equals(owner) && recipe.repo(r).map(x -> x.existsOn(arch)).orElse(false)).toList();
        return new ImageIdentity(owner, "dvd", "iso", others);
    }

    /** {@code BaseOS=/…/BaseOS/x86_64/os,AppStream=…}: the repos whose packages and repodata a disc carries. */
    private static String graftRepos(Recipe recipe, ComposeLayout layout, Image image, String arch) {
        if (!image.graft()) {
            return "";
        }
        List<String> repos = new ArrayList<>();
        for (String repo : image.repos()) {
            if (recipe.repo(repo).map(r -> r.existsOn(arch)).orElse(false)) {
                repos.add(repo + "=" + layout.tree(repo, arch));
            }
        }
        return String.join(",", repos);
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(CHECK_REPORT, (p, log, context) -> {
            String report = Files.readString(Path.of(p.get("report")), StandardCharsets.UTF_8);
            log.print(report);
            if (report.contains(p.get("forbidden"))) {
                throw new TaskFailure("xorriso's report on " + p.get("report") + " contains " + p.get("forbidden"));
            }
        });
    }

    @Override
    public Map<ProducerKey, Producer> producers() {
        return Map.of(GRAFT_LIST, ExtrasStep::xorrisoDialog,
                DISC_TREEINFO, (p, path, context) -> discTreeinfo(p, context.timestamp()),
                DISC_DISCINFO, (p, path, context) -> TreeInfo.discinfo(context.timestamp(), p.get("name") + " "
                        + p.get("version"), p.get("arch")));
    }

    /** {@code BaseOS=/…/os,AppStream=/…/os}: the repos a disc carries, in order. */
    private static Map<String, Path> repos(Map<String, String> p) {
        Map<String, Path> repos = new LinkedHashMap<>();
        if (!p.get("repos").isEmpty()) {
            for (String entry : p.get("repos").split(",")) {
                repos.put(entry.substring(0, entry.indexOf('=')), Path.of(entry.substring(entry.indexOf('=') + 1)));
            }
        }
        return repos;
    }

    /** The disc's own tree file: its variants are the repos it carries, the image's own variant main. */
    private static String discTreeinfo(Map<String, String> p, long timestamp) throws IOException {
        Map<String, Path> repos = repos(p);
        Map<String, String> variants = new LinkedHashMap<>();
        repos.keySet().stream().filter(r -> !r.equals(p.get("variant"))).forEach(r -> variants.put(r, r));
        String own = repos.containsKey(p.get("variant")) ? p.get("variant") : repos.keySet().stream().findFirst()
                .orElse(p.get("variant"));
        return TreeInfo.treeinfo(Path.of(p.get("tree")), p.get("arch"), p.get("name"), p.get("short"),
                p.get("version"), own, variants, timestamp, new TreeInfo.DiscMedia())
                .replace("packages = Packages\nrepository = .\n", "packages = " + own + "/Packages\nrepository = " + own
                        + "\n");
    }

    private static String xorrisoDialog(Map<String, String> p, Path path, ProducerContext context) throws IOException {
        Path boot = Path.of(p.get("boot"));
        Path manifestFile = Path.of(p.get("boot") + ".manifest");
        Set<String> manifest = Files.exists(manifestFile)
                ? new HashSet<>(Files.readAllLines(manifestFile, StandardCharsets.UTF_8)) : Set.of();
        Map<String, Path> repos = repos(p);
        Path root = Path.of(p.get("root"));
        Map<Path, String> discFiles = new LinkedHashMap<>();
        discFiles.put(root.resolve(".treeinfo"), ".treeinfo");
        discFiles.put(root.resolve(".discinfo"), ".discinfo");
        Path iso = Path.of(p.get("out"));
        String extra = p.get("extra");
        // the disc keeps the boot ISO's own label: its boot menu (inst.stage2=hd:LABEL=…) names it
        String volumeId = IsoVolume.volumeId(boot);
        if (!volumeId.equals(p.get("volid"))) {
            throw new TaskFailure("the boot ISO " + boot.getFileName() + " is labelled " + volumeId + ", but this "
                    + "release's discs are labelled " + p.get("volid") + ": was it built for another release or RC level?");
        }
        return XorrisoDialog.render(boot, iso, volumeId, p.get("arch"), Path.of(p.get("tree")),
                extra == null ? null : Path.of(extra), repos, manifest, discFiles);
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Extras s ? Optional.of(new StepDescription().add("image " + s.image()).on(s.on())
                .failable(s.failable())) : Optional.empty();
    }
}
