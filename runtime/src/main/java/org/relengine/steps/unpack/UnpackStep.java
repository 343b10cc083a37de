package org.relengine.steps.unpack;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.formats.ImageIdentity;
import org.relengine.model.Executor;
import org.relengine.model.Release;
import org.relengine.model.Step;
import org.relengine.net.Wait;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.Producer;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.steps.files.FileActions;
import org.relengine.steps.lorax.LoraxKey;
import org.relengine.steps.prepare.PrepareStep;
import org.relengine.steps.sync.SyncKey;
import org.relengine.store.ArtifactStore;
import org.relengine.store.ResultKeys;

/**
 * {@code unpack}: Rocky's pull-unpack-tree. Each arch's newest lorax result from the artifact store, verified and
 * unpacked, its boot ISO put with the compose's ISOs, and its boot tree grafted into the install trees.
 */
public final class UnpackStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("unpack", "images");

    private static final OperationKey UNPACK_LORAX = new OperationKey("unpack-lorax");
    private static final OperationKey GRAFT_BOOT_TREE = new OperationKey("graft-boot-tree");

    public UnpackStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        context.recipe().step(Step.Unpack.class).ifPresent(unpack -> unpack(context, unpack));
    }

    private static void unpack(PlanContext context, Step.Unpack unpack) {
        var recipe = context.recipe();
        Release release = context.release();
        ComposeLayout layout = context.layout();
        ArtifactStore.Location store = ArtifactStore.location(recipe, layout.work());
        for (String arch : context.selected(recipe.arches())) {
            List<TaskKey> deps = new ArrayList<>();
            deps.add(context.planned(new LoraxKey(arch)) ? new LoraxKey(arch) : PrepareStep.KEY);
            List<String> outputs = new ArrayList<>(List.of(layout.lorax(arch), layout.workIsos(arch)));
            List<Action> actions = new ArrayList<>();
            ResultKeys keys = ResultKeys.lorax(release, arch);
            actions.add(new Action.MakeDirectory(layout.lorax(arch)));
            Map<String, String> params = new LinkedHashMap<>(store.params());
            params.putAll(Params.of("prefix", keys.prefix(), "match", keys.match(), "suffix", keys.suffix(),
                    "into", layout.lorax(arch)));
            actions.add(new Action.Internal(UNPACK_LORAX, "download the newest " + store.where(keys.pattern())
                    + " (highest epoch), verify it and unpack it into " + layout.lorax(arch) + " (no path may escape it)",
                    List.of(layout.lorax(arch)), params));
            actions.add(new Action.MakeDirectory(layout.workIsos(arch)));
            String bootIso = layout.workIsos(arch) + "/" + release.bootIsoName(arch);
            actions.add(FileActions.copy(layout.lorax(arch) + "/lorax/images/boot.iso", bootIso,
                    "copy the boot ISO to " + bootIso));
            IsoCompanions.add(actions, layout, release, arch, bootIso, IsoCompanions.BOOT);
            context.images().list(arch, "isos/" + arch + "/" + release.bootIsoName(arch),
                    new ImageIdentity(BootTrees.imagesOwner(recipe), "boot", "iso"));
            for (String repo : BootTrees.repos(recipe)) {
                deps.add(SyncKey.os(repo, arch));
                deps.add(SyncKey.kickstart(repo, arch));
                outputs.add(layout.tree(repo, arch));
                for (String tree : List.of(layout.tree(repo, arch), layout.kickstartTree(repo, arch))) {
                    actions.add(new Action.Internal(GRAFT_BOOT_TREE, "graft the boot tree into " + tree,
                            List.of(tree), Params.of("from", layout.lorax(arch) + "/lorax", "into", tree)));
                }
            }
            context.add(new PlannedTask(new UnpackKey(arch), null, arch, context.plannedOf(deps, PrepareStep.KEY),
                    List.of(store.display()), outputs, Executor.LOCAL, unpack.failable().failableOn(arch), actions,
                    unpack.retry()));
        }
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(
                UNPACK_LORAX, (p, log, context) -> unpackLorax(p, log, context.network()),
                GRAFT_BOOT_TREE, (p, log, context) -> graft(Path.of(p.get("from")), Path.of(p.get("into")), log));
    }

    @Override
    public Map<ProducerKey, Producer> producers() {
        return IsoCompanions.producers();
    }

    private static void unpackLorax(Map<String, String> p, PrintWriter log, Wait wait) throws IOException {
        Path into = Path.of(p.get("into"));
        ArtifactStore.Fetched fetched = ArtifactStore.fetchNewest(ArtifactStore.Location.of(p), wait,
                new ResultKeys(p.get("prefix"), p.get("match"), p.get("suffix")), into, "build result", log);
        String key = fetched.key();
        int entries = SafeUntar.unpack(fetched.file(), into);
        log.println("unpacked " + key + " (" + entries + " entries) into " + into);
        if (!Files.isRegularFile(into.resolve("lorax/images/boot.iso"))) {
            throw new TaskFailure(key + " holds no lorax/images/boot.iso");
        }
    }

    /**
     * Copies the boot tree into a repo tree; the repo's own packages and metadata are never replaced. The tree
     * comes from an archive, so no link in it is followed: a link is copied as a link when its target is relative
     * and stays inside the tree, and anything else that is not a file or a directory is refused.
     */
    static void graft(Path from, Path into, PrintWriter log) throws IOException {
        Path source = from.toAbsolutePath().normalize();
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new TaskFailure("the boot tree " + source + " is not a directory; refusing to graft it into " + into);
        }
        Path realSource = source.toRealPath();
        int[] copied = {0};
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = source.relativize(dir).toString();
                if (rel.equals("Packages") || rel.equals("repodata")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(into.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = source.relativize(file).toString();
                if (rel.equals(".treeinfo") || rel.equals(".discinfo") || rel.equals("media.repo")) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = into.resolve(rel);
                if (attrs.isSymbolicLink()) {
                    Path to = Files.readSymbolicLink(file);
                    String why = null;
                    if (to.isAbsolute()) {
                        why = "is an absolute path";
                    } else if (!file.getParent().resolve(to).normalize().startsWith(source)) {
                        why = "leads outside the tree";
                    } else {
                        try {
                            if (!file.toRealPath().startsWith(realSource)) {
                                why = "leads outside the tree through other links";
                            }
                        } catch (IOException e) {
                            why = "leads to nothing";
                        }
                    }
                    if (why != null) {
                        throw new TaskFailure("the boot tree " + source + " holds the link " + rel + " to " + to
                                + ", which " + why + "; refusing to graft it into " + into);
                    }
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, to);
                } else if (attrs.isRegularFile()) {
                    // with its time: the same boot tree grafted again is published unchanged
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                } else {
                    throw new TaskFailure("the boot tree " + source + " holds " + rel + ", which is neither a file, "
                            + "a directory nor a link; refusing to graft it into " + into);
                }
                copied[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        log.println("grafted " + copied[0] + " files of the boot tree into " + into);
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Unpack s ? Optional.of(new StepDescription().failable(s.failable())
                .retry(s.retry())) : Optional.empty();
    }
}
