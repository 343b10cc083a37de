package org.relengine.exec;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.relengine.effects.Effects;
import org.relengine.plan.Action;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * Walks a plan's tasks in order and performs each action through {@link Effects}. A task whose
 * dependency failed does not run. The same walk serves dry runs and real runs.
 */
public final class TaskRunner {

    /** What happened: tasks done, failed, and not run because a dependency failed. */
    public record Outcome(List<String> done, List<String> failed, List<String> skipped) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    private final Effects effects;
    private final PrintWriter out;

    public TaskRunner(Effects effects, PrintWriter out) {
        this.effects = effects;
        this.out = out;
    }

    public Outcome run(Plan plan) {
        List<String> done = new java.util.ArrayList<>();
        List<String> failed = new java.util.ArrayList<>();
        List<String> skipped = new java.util.ArrayList<>();
        Set<String> blocked = new HashSet<>();
        int n = 0;
        for (Task task : plan.tasks()) {
            n++;
            if (task.dependsOn().stream().anyMatch(blocked::contains)) {
                blocked.add(task.id());
                skipped.add(task.id());
                continue;
            }
            out.printf("[%d/%d] %s%n", n, plan.tasks().size(), task.id());
            if (perform(task)) {
                done.add(task.id());
            } else {
                failed.add(task.id());
                if (!task.failable()) {
                    blocked.add(task.id());
                }
            }
        }
        out.flush();
        return new Outcome(done, failed, skipped);
    }

    private boolean perform(Task task) {
        for (Action action : task.actions()) {
            if (action instanceof Action.Exec exec) {
                if (effects.exec(task.id(), exec.argv()) != 0) {
                    return false;
                }
            } else if (action instanceof Action.MakeDirectory dir) {
                effects.makeDirectory(dir.path());
            } else if (action instanceof Action.WriteFile write) {
                effects.writeFile(write.path(), write.producer(), write.content());
            } else if (action instanceof Action.Symlink link) {
                effects.symlink(link.link(), link.target());
            } else if (action instanceof Action.Internal internal) {
                effects.internal(internal.description(), internal.paths());
            }
        }
        return true;
    }
}
