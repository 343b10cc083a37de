package org.relengine.cli;

import java.util.ArrayList;
import java.util.List;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;
import org.relengine.plan.TaskKind;

/**
 * When one run publishes several releases, the mirror file lists are written once, after the last sync
 * of the last release (Rocky's rule: never while a release being updated is still syncing).
 */
final class FileListsOnce {

    private FileListsOnce() {
    }

    static List<Plan> last(List<Plan> plans) {
        if (plans.size() < 2) {
            return plans;
        }
        List<Plan> result = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            if (i == plans.size() - 1) {
                result.add(plan);
                continue;
            }
            List<Task> tasks = plan.tasks().stream().filter(t -> !t.kind().equals(org.relengine.steps.filelists.FileListsStep.KIND)).toList();
            result.add(plan.withTasks(tasks));
        }
        return result;
    }
}
