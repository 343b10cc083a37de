package org.relengine.steps.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relengine.model.Executor;
import org.relengine.model.Release;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.PlanException;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.StepDescription;
import org.relengine.steps.createrepo.CreaterepoStep;
import org.relengine.steps.filelists.FileListsStep;
import org.relengine.steps.publish.PublishActions;
import org.relengine.steps.publish.Rsync;
import org.relengine.steps.publish.StagedTree;

/**
 * {@code vault}: a superseded release kept in the vault, in a run of its own ({@code --only vault}). The release's
 * production tree copied (no delete) into {@code mirror/vault/rocky/<X.Y>}, as vault-release.sh does; with
 * {@code repodata: false} without its repodata, which is then made again tree by tree from the vault's packages with
 * production's comps and module metadata, as vault-release-no-repodata.sh does. Then the vault's file lists, as
 * sync-file-list-vault.sh writes them. Only a release is vaulted: a release candidate, a beta or a LookAhead is not.
 */
public final class VaultStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("vault", "vault");
    public static final TaskKind CREATEREPO = new TaskKind("vault-createrepo", "vault");
    public static final TaskKind FILELISTS = new TaskKind("vault-filelists", "vault");
    public static final TaskKey KEY = TaskKey.of(KIND);

    /** The repodata of one vaulted tree made again: {@code vault-createrepo:BaseOS:x86_64:os}. */
    public record CreaterepoKey(String repo, String arch, StagedTree.Kind tree) implements TaskKey {
        public String id() {
            return CREATEREPO.word() + ":" + repo + (arch == null ? "" : ":" + arch) + ":" + tree.word();
        }

        public TaskKind kind() {
            return CREATEREPO;
        }
    }

    public VaultStep() {
        super(Phase.VAULT, KIND, CREATEREPO, FILELISTS);
    }

    @Override
    public void declare(PlanContext context) {
        if (context.recipe().step(Step.Vault.class).isPresent() && context.options().scope().vault()) {
            context.target("vault", context.paths().vaultDir());
        }
    }

    @Override
    public void plan(PlanContext context) {
        var vault = context.recipe().step(Step.Vault.class);
        if (vault.isEmpty()) {
            throw new PlanException("--only vault: the recipe declares no `vault` step", "declare it, e.g. "
                    + "publish { vault repodata: true }");
        }
        Release release = context.release();
        if (release.candidate()) {
            throw new PlanException("--only vault: " + release.revisionLevel() + " is a release candidate, not a "
                    + "release: only a release is vaulted", "vault the release its recipe makes (final: true) once "
                    + "the next one is out");
        }
        vault(context, vault.get());
    }

    private static void vault(PlanContext context, Step.Vault vault) {
        String from = context.paths().productionDir();
        String to = context.paths().vaultDir();
        List<String> excludes = vault.repodata() ? List.of() : List.of("repodata/");
        Rsync.Sync sync = new Rsync.Sync(from, to, vault.chown(), false, excludes, List.of(), false);
        List<Action> actions = new ArrayList<>(List.of(
                PublishActions.preview(sync),
                PublishActions.check(from, "check " + from + ": " + PublishActions.PUBLISHABLE, sync, null,
                        context.options().allowDeletions()),
                PublishActions.publishedDirectory(to),
                new Action.Exec(sync.argv(List.of()))));
        context.add(new PlannedTask(KEY, null, null, List.of(), List.of(from), List.of(to), Executor.LOCAL, false,
                actions));
        List<TaskKey> last = new ArrayList<>(List.of(KEY));
        if (!vault.repodata()) {
            last.clear();
            for (StagedTree tree : StagedTree.of(context, to, StagedTree.REBUILT)) {
                // comps and module metadata from the same tree in production, as the script takes them
                StagedTree vaulted = new StagedTree(tree.repo(), tree.arch(), tree.kind(), tree.path(),
                        from + tree.path().substring(to.length()));
                CreaterepoKey key = new CreaterepoKey(tree.repo().name(), tree.arch(), tree.kind());
                context.add(new PlannedTask(key, tree.repo().name(), tree.arch(), List.of(KEY),
                        List.of(vaulted.path(), vaulted.composed()), List.of(vaulted.path() + "/repodata"),
                        Executor.LOCAL, false, CreaterepoStep.rebuild(context, vaulted)));
                last.add(key);
            }
        }
        // sync-file-list-vault.sh: the vault's own lists, and its rocky tree's
        String root = context.paths().vaultRoot();
        List<Action> lists = new ArrayList<>(List.of(FileListsStep.list(root, "vault", List.of())));
        List<String> outputs = new ArrayList<>(List.of(root + "/fullfiletimelist-vault"));
        if (!context.recipe().composesSig()) {
            lists.add(FileListsStep.list(root + "/rocky", "rocky-vault", List.of()));
            outputs.add(root + "/rocky/fullfiletimelist-rocky-vault");
        }
        context.add(new PlannedTask(TaskKey.of(FILELISTS), null, null, last, List.of(root), outputs, Executor.LOCAL,
                false, lists));
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Vault v ? Optional.of(new StepDescription()
                .add(v.repodata() ? "with production's repodata" : "repodata made again").owner(v.chown()))
                : Optional.empty();
    }
}
