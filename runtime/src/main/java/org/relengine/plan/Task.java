package org.relengine.plan;

import java.util.List;
import org.relengine.model.Executor;

/**
 * One node of the plan: a unit of work with a stable id ({@code sync:BaseOS:x86_64:os}), the tasks it
 * waits for, the paths it reads and writes, where it runs, whether its failure fails the compose, and
 * every action it performs.
 */
public record Task(String id, TaskKind kind, String repo, String arch, List<String> dependsOn,
                   List<String> inputs, List<String> outputs, Executor executor, boolean failable,
                   List<Action> actions) {

    /** The argv of every process the task runs, in order. */
    public List<List<String>> commands() {
        return actions.stream().filter(Action.Exec.class::isInstance).map(a -> ((Action.Exec) a).argv()).toList();
    }
}
