package org.relengine.steps.signrepos;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.relengine.model.Executor;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.PlanException;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.publish.StagedTree;
import org.relengine.steps.sign.Signatures;

/**
 * {@code signRepos}: Rocky's sign-repos-only. Once the compose is in staging, the {@code repomd.xml} of every
 * staged tree of the kinds the recipe names gets a detached signature: each repo's {@code os} and
 * {@code debug/tree} on each of its arches, its {@code source/tree}, and where asked its {@code kickstart}.
 */
public final class SignReposStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("signrepos", "publish");
    public static final TaskKey KEY = TaskKey.of(KIND);

    private static final List<String> TREES = StagedTree.Kind.words();

    public SignReposStep() {
        super(Phase.PUBLISH, KIND);
    }

    /** Every tree named is one relengine composes, and no repomd.xml is signed by two steps. */
    @Override
    public void declare(PlanContext context) {
        var signRepos = context.recipe().step(Step.SignRepos.class);
        if (signRepos.isEmpty()) {
            return;
        }
        for (String tree : signRepos.get().trees()) {
            if (!TREES.contains(tree)) {
                throw new PlanException("signRepos trees: `" + tree + "` is no kind of tree relengine composes",
                        "trees: " + String.join(", ", TREES));
            }
        }
        var sign = context.recipe().step(Step.Sign.class);
        if (sign.isPresent() && sign.get().repomd() && signRepos.get().trees().stream()
                .anyMatch(t -> StagedTree.REBUILT.contains(StagedTree.Kind.of(t)))) {
            throw new PlanException("`sign repomd: true` and `signRepos` would both sign the repomd.xml of the os, "
                    + "debug and source trees", "keep one: `signRepos` for Rocky's sign-repos-only, `sign repomd: true` for the update "
                    + "path that rebuilds repodata in staging");
        }
    }

    @Override
    public void plan(PlanContext context) {
        var signRepos = context.recipe().step(Step.SignRepos.class);
        if (signRepos.isEmpty() || context.recipe().step(Step.Staging.class).isEmpty()) {
            return;
        }
        Set<StagedTree.Kind> kinds = signRepos.get().trees().stream().map(StagedTree.Kind::of)
                .collect(java.util.stream.Collectors.toSet());
        String staging = context.paths().stagingDir();
        List<Action> actions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (StagedTree tree : StagedTree.of(context, staging, kinds)) {
            String repomd = tree.repomd();
            actions.addAll(Signatures.detached(repomd, signRepos.get().key(), signRepos.get().homedir()));
            outputs.add(repomd + ".asc");
        }
        context.add(new PlannedTask(KEY, null, null, context.publishAfter(), List.of(staging), outputs,
                Executor.LOCAL, false, actions));
        context.publishedThrough(List.of(KEY));
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.SignRepos s ? Optional.of(new StepDescription().add("key " + s.key())
                .add("repomd.xml of the " + String.join(", ", s.trees()) + " trees")
                .addIf(s.homedir() != null, "GnuPG home " + s.homedir())) : Optional.empty();
    }
}
