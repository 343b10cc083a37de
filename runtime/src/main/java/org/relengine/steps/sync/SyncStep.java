package org.relengine.steps.sync;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.model.Source;
import org.relengine.model.Step;
import org.relengine.model.SyncEngine;
import org.relengine.model.Executor;
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
import org.relengine.steps.dnf.DnfConfig;
import org.relengine.steps.dnf.DnfLocks;
import org.relengine.steps.prepare.PrepareStep;

/**
 * {@code sync}: every repo × arch tree (binary, debug, kickstart) and each repo's source tree, from the recipe's
 * source with relengine's own engine ({@link NativeSync}) or {@code dnf reposync}; then each closure-checked repo with {@code dnf repoclosure}.
 */
public final class SyncStep extends AbstractStepUnit {

    public static final TaskKind SYNC = new TaskKind("sync", "compose", TaskKind.Inputs.REPOSITORIES);
    public static final TaskKind REPOCLOSURE = new TaskKind("repoclosure", "compose");

    private static final OperationKey REMOVE_LEFTOVERS = new OperationKey("remove-reposync-leftovers");

    public SyncStep() {
        super(Phase.COMPOSE, SYNC, REPOCLOSURE);
    }

    @Override
    public void plan(PlanContext context) {
        context.recipe().step(Step.Sync.class).ifPresent(sync -> sync(context, sync));
    }

    private void sync(PlanContext context, Step.Sync sync) {
        var recipe = context.recipe();
        Release release = context.release();
        ComposeLayout layout = context.layout();
        Source source = recipe.source(sync.from()).orElseThrow();
        int major = release.major();
        for (Repo repo : context.repos()) {
            for (String arch : context.selected(recipe.syncArches(repo))) {
                boolean failable = sync.failable().failableOn(arch);
                String os = layout.tree(repo.name(), arch);
                tree(context, SyncKey.os(repo.name(), arch), repo, source.binaryUrl(repo.from(), major, arch), os,
                        DnfConfig.binaryId(repo, arch), arch, sync.delete(), sync, failable);
                if (repo.debug() && sync.debug() && context.options().debug()) {
                    tree(context, SyncKey.debug(repo.name(), arch), repo, source.debugUrl(repo.from(), major, arch),
                            layout.debugTree(repo.name(), arch), DnfConfig.debugId(repo, arch), arch, sync.delete(),
                            sync, failable);
                }
                if (context.options().full() && repo.kickstart() && sync.kickstart() && repo.existsOn(arch)) {
                    // kickstart trees are never synced with --delete: they are the install tree of the release
                    tree(context, SyncKey.kickstart(repo.name(), arch), repo, source.binaryUrl(repo.from(), major,
                            arch), layout.kickstartTree(repo.name(), arch), DnfConfig.binaryId(repo, arch), arch,
                            false, sync, failable);
                }
            }
            if (repo.source() && sync.source() && context.options().source() && context.options().arches().isEmpty()) {
                tree(context, SyncKey.source(repo.name()), repo, source.sourceUrl(repo.from(), major),
                        layout.sourceTree(repo.name()), DnfConfig.sourceId(repo), null, sync.delete(), sync,
                        sync.failable().everywhere());
            }
        }
        if (sync.repoclosure()) {
            repoclosure(context, sync);
        }
    }

    /**
     * The native engine runs in relengine's own process, wherever the recipe puts the step ({@code on:} places
     * its dnf commands: repoclosure, and reposync with {@code engine: dnf}).
     */
    private static void tree(PlanContext context, SyncKey key, Repo repo, String url, String target, String repoId,
                             String arch, boolean delete, Step.Sync sync, boolean failable) {
        ComposeLayout layout = context.layout();
        boolean gpgcheck = context.recipe().gpg().check();
        List<Action> actions = sync.engine() == SyncEngine.NATIVE
                ? List.of(new Action.MakeDirectory(target), NativeSync.action(layout.dnfConfig(), repoId, url, target,
                        layout.syncState(), delete, gpgcheck, sync.connections()))
                : List.of(new Action.MakeDirectory(target), removeLeftovers(target), DnfLocks.releaseDeadAction(layout),
                        new Action.Exec(RepoSync.argv(layout.dnfConfig(), context.release().major(), repoId, target,
                                arch, gpgcheck, delete)));
        context.add(new PlannedTask(key, repo.name(), key.arch(), List.of(PrepareStep.KEY), List.of(url),
                List.of(target), sync.engine() == SyncEngine.NATIVE ? Executor.LOCAL : sync.on(), failable, actions,
                sync.retry()));
    }

    private static void repoclosure(PlanContext context, Step.Sync sync) {
        ComposeLayout layout = context.layout();
        for (Repo repo : context.repos()) {
            if (!repo.closureChecked()) {
                continue;
            }
            for (String arch : context.selected(repo.arches())) {
                Map<String, String> trees = new LinkedHashMap<>();
                trees.put(repo.name(), layout.tree(repo.name(), arch));
                for (String dep : repo.closure()) {
                    trees.put(dep, layout.tree(dep, arch));
                }
                List<TaskKey> synced = trees.keySet().stream().map(r -> (TaskKey) SyncKey.os(r, arch)).toList();
                context.add(new PlannedTask(new RepoClosureKey(repo.name(), arch), repo.name(), arch,
                        context.plannedOf(synced, PrepareStep.KEY), List.copyOf(trees.values()), List.of(),
                        sync.on(), sync.failable().failableOn(arch), List.of(DnfLocks.releaseDeadAction(layout),
                        new Action.Exec(RepoClosure.argv(layout.dnfConfig(), context.release().major(), arch,
                                trees)))));
            }
        }
    }

    /**
     * dnf reposync fetches a repo's metadata into a {@code tmpdir.*} directory inside the tree and moves it into
     * place; a sync cut short (a full disk, a kill) leaves that directory behind, and what is left in the tree is
     * published with it. Each sync first removes what an earlier one left there.
     */
    private static Action removeLeftovers(String tree) {
        return new Action.Internal(REMOVE_LEFTOVERS, "remove the tmpdir.* directories an interrupted dnf reposync "
                + "left in " + tree, List.of(tree), Params.of("tree", tree));
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(DnfLocks.RELEASE_DEAD, (p, log, context) -> DnfLocks.releaseDead(java.nio.file.Path.of(
                p.get("cache")), log),
                REMOVE_LEFTOVERS, (p, log, context) -> ReposyncLeftovers.remove(java.nio.file.Path.of(p.get("tree")),
                        log),
                NativeSync.KEY, NativeSync.OPERATION);
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Sync s ? Optional.of(new StepDescription().add("from " + s.from().word())
                .add(s.engine().word() + " engine")
                .addIf(s.connections() != Step.Sync.CONNECTIONS, s.connections() + " connections")
                .add(s.delete() ? "delete" : "no delete").addIf(!s.debug(), "no debug").addIf(!s.source(), "no source")
                .addIf(s.repoclosure(), "repoclosure").on(s.on()).failable(s.failable()).retry(s.retry()))
                : Optional.empty();
    }
}
