package org.relengine.cli;

import java.io.PrintWriter;
import java.util.List;
import org.relengine.effects.RecordingEffects;
import org.relengine.exec.Scheduler;
import org.relengine.exec.TaskState;
import org.relengine.executors.ExecutorRegistry;
import org.relengine.plan.Plan;
import org.relengine.steps.StepRegistry;
import org.relengine.steps.publish.PublishPreview;

/**
 * A run through the recording effects: prints every command and file change, changes nothing. The publish
 * syncs are previewed on the way, read-only, against the trees as they are now.
 */
final class DryRun {

    private DryRun() {
    }

    /** @return the previews of what the publish syncs would change, made read-only on the way */
    static List<PublishPreview> walk(Plan plan, PrintWriter out) {
        out.println("Dry run of " + plan.recipeFile() + ": compose " + plan.composeId() + " in " + plan.composeDir());
        out.println("Nothing below is executed or written.");
        out.println();
        RecordingEffects effects = new RecordingEffects(out, StepRegistry.standard());
        // one job: the printed order is the plan's order
        new Scheduler(effects, org.relengine.executors.standard.StandardExecutors.registry(), 1, null, (task, state, finished, total, detail) -> {
            if (state == TaskState.RUNNING) {
                out.printf("[%d/%d] %s%n", finished + 1, total, task.id());
            }
        }).run(plan);
        out.println();
        out.printf("Dry run: %d tasks; %d commands, %d directories, %d files, %d links, %d internal steps "
                        + "would be run or made%s. Nothing was changed.%n",
                plan.tasks().size(), effects.count("exec"), effects.count("mkdir"), effects.count("write"),
                effects.count("symlink"), effects.count("internal"),
                (effects.count("remote") == 0 ? "" : ", " + effects.count("remote") + " Kubernetes Jobs")
                        + (effects.count("probe") == 0 ? ""
                        : "; " + effects.count("probe") + " read-only previews were made"));
        out.flush();
        return effects.previews().stream().filter(PublishPreview.class::isInstance).map(PublishPreview.class::cast)
                .toList();
    }
}
