package org.relengine.steps.sign;

import org.relengine.steps.publish.StagedTree;
import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.relengine.model.Executor;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;

/** {@code sign}: detached signatures in staging, after the last change to what they sign. */
public final class SignStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("sign", "publish");
    public static final TaskKey KEY = TaskKey.of(KIND);

    public SignStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        var sign = context.recipe().step(Step.Sign.class);
        if (sign.isEmpty() || !(sign.get().repomd() || sign.get().checksums())
                || context.recipe().step(Step.Staging.class).isEmpty()) {
            return;
        }
        String target = context.paths().stagingDir();
        List<String> signed = new ArrayList<>();
        if (sign.get().repomd()) {
            // every tree whose repodata the update path rebuilt in staging, as sync-to-staging.sh signs them
            StagedTree.of(context, target, StagedTree.REBUILT).forEach(tree -> signed.add(tree.repomd()));
        }
        if (sign.get().checksums()) {
            for (String arch : context.recipe().arches()) {
                if (context.selected(arch)) {
                    signed.add(target + "/isos/" + arch + "/CHECKSUM");
                }
            }
        }
        List<Action> actions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String file : signed) {
            actions.addAll(Signatures.detached(file, sign.get().key()));
            outputs.add(file + ".asc");
        }
        context.add(new PlannedTask(KEY, null, null, context.publishAfter(), List.of(target), outputs, Executor.LOCAL,
                false, actions));
        context.publishedThrough(List.of(KEY));
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Sign s ? Optional.of(new StepDescription().add("key " + s.key())
                .addIf(s.repomd(), "repomd.xml").addIf(s.checksums(), "CHECKSUM")) : Optional.empty();
    }
}
