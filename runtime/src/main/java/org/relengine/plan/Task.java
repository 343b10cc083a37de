package org.relengine.plan;

import java.util.List;
import org.relengine.model.Executor;
import org.relengine.model.Step;

/**
 * One node of the plan: a unit of work with a stable id ({@code sync:BaseOS:x86_64:os}), the tasks it
 * waits for, the paths it reads and writes, where it runs, whether its failure fails the compose, every
 * action it performs, and how often it is tried when it fails.
 */
public record Task(String id, TaskKind kind, String repo, String arch, List<String> dependsOn,
                   List<String> inputs, List<String> outputs, Executor executor, boolean failable,
                   List<Action> actions, Step.Retry retry) {

    /** A task tried once: most work does not reach the network, and a second attempt would fail the same way. */
    public Task(String id, TaskKind kind, String repo, String arch, List<String> dependsOn, List<String> inputs,
                List<String> outputs, Executor executor, boolean failable, List<Action> actions) {
        this(id, kind, repo, arch, dependsOn, inputs, outputs, executor, failable, actions, Step.Retry.NONE);
    }

    /** The argv of every process the task runs, in order. */
    public List<List<String>> commands() {
        return actions.stream().filter(Action.Exec.class::isInstance).map(a -> ((Action.Exec) a).argv()).toList();
    }
}
