package org.relengine.steps.lorax;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relengine.model.Executor;
import org.relengine.model.Release;
import org.relengine.model.Source;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.steps.prepare.PrepareStep;
import org.relengine.store.ArtifactStore;

/** {@code iso}: each arch's boot image with lorax, packed and put into the artifact store. */
public final class LoraxStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("lorax", "images");

    private static final OperationKey UPLOAD = new OperationKey("upload-artifact");

    public LoraxStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        context.recipe().step(Step.Iso.class).ifPresent(iso -> lorax(context, iso));
    }

    private static void lorax(PlanContext context, Step.Iso iso) {
        var recipe = context.recipe();
        if (recipe.lorax() == null) {
            return;
        }
        Release release = context.release();
        ComposeLayout layout = context.layout();
        String store = ArtifactStore.location(recipe, layout.work());
        Source source = PrepareStep.syncSource(recipe).orElse(null);
        for (String arch : context.selected(iso.arches())) {
            List<String> sources = new ArrayList<>();
            if (source != null) {
                for (String repo : recipe.lorax().repos()) {
                    recipe.repo(repo).ifPresent(r -> sources.add(source.binaryUrl(r.from(), release.major(), arch)));
                }
            }
            String tarball = Lorax.tarball(release, arch);
            // on this machine lorax builds in the compose's work tree; elsewhere in the chroot's or pod's /builddir
            boolean here = iso.on() == Executor.LOCAL;
            String build = here ? layout.loraxBuild(arch) : Lorax.BUILDDIR;
            List<Action> actions = new ArrayList<>();
            if (here) {
                actions.add(new Action.MakeDirectory(build));
            }
            actions.add(new Action.Exec(Lorax.argv(release, recipe.lorax(), sources, arch, build)));
            actions.add(new Action.Exec(List.of("tar", "-C", build, "-czf", build + "/" + tarball, "lorax",
                    Lorax.log(arch))));
            actions.add(new Action.Internal(UPLOAD, "upload " + tarball + " to " + store,
                    List.of(store + "/" + tarball), Params.of("file", build + "/" + tarball, "store", store)));
            context.add(new PlannedTask(new LoraxKey(arch), null, arch, List.of(PrepareStep.KEY), sources,
                    List.of(store + "/" + tarball), iso.on(), iso.failable().failableOn(arch), actions));
        }
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(UPLOAD, (p, log, context) -> upload(Path.of(p.get("file")), p.get("store"), log));
    }

    /**
     * Puts a build result into a store: a directory store gets a copy, renamed into place complete so that a
     * reader never takes half of it for the newest result.
     */
    private static void upload(Path file, String store, PrintWriter log) throws IOException {
        if (store.startsWith("http://") || store.startsWith("https://")) {
            throw new TaskFailure("uploading to " + store + " is not available in this version of relengine: lorax "
                    + "results go into a directory store (leave out `artifacts` to keep them in the work tree)");
        }
        Path into = Path.of(store.startsWith("file://") ? java.net.URI.create(store).getPath() : store);
        Files.createDirectories(into);
        Path target = into.resolve(file.getFileName());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.println("uploaded " + file + " to " + target);
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Iso s ? Optional.of(new StepDescription().add("arches " + String.join(" ",
                s.arches())).on(s.on()).failable(s.failable())) : Optional.empty();
    }
}
