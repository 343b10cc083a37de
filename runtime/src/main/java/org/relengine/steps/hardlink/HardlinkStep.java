package org.relengine.steps.hardlink;

import java.util.List;
import org.relengine.model.Executor;
import org.relengine.model.Step;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.steps.publish.PublishActions;

/**
 * The staging tree hardlinked (the toolkit's perform_hardlink) after the steps that rewrite it in place: Rocky 8's
 * update path ({@code staging createrepo: true}) and the reshaping of a compose made elsewhere ({@code minorRelease}).
 * A compose relengine makes is hardlinked before the stage rsync instead, and staging keeps its links.
 */
public final class HardlinkStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("hardlink", "publish");

    public HardlinkStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        var staging = context.recipe().step(Step.Staging.class);
        if (staging.isEmpty() || !staging.get().hardlink()
                || !(staging.get().createrepo() || context.recipe().step(Step.MinorRelease.class).isPresent())) {
            return;
        }
        String target = context.paths().stagingDir();
        TaskKey hardlink = TaskKey.of(KIND);
        context.add(new PlannedTask(hardlink, null, null, context.publishAfter(), List.of(target), List.of(target),
                Executor.LOCAL, false, List.of(PublishActions.hardlink(target))));
        context.publishedThrough(List.of(hardlink));
    }
}
