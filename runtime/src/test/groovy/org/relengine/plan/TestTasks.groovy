package org.relengine.plan

import java.nio.file.Path
import org.relengine.model.Executor
import org.relengine.model.Step

/**
 * The one place the unit specs build tasks and plans: only what a spec says matters is given, the rest takes
 * a plain default. When the constructors of {@link Task} or {@link TaskKind} change, this is what follows them.
 */
final class TestTasks {

    private TestTasks() {
    }

    /**
     * A task with {@code id}, waiting for {@code dependsOn}, performing {@code actions} (one {@code true} by
     * default). Named options: {@code kind} (prepare), {@code failable} (false), {@code retry} (none).
     */
    static Task task(Map options, String id, List<String> dependsOn, List<Action> actions) {
        new Task(id, (options.kind ?: new TaskKind("prepare", "compose")) as TaskKind, null, null, dependsOn, [], [], Executor.LOCAL,
                (options.failable ?: false) as boolean, actions, (options.retry ?: Step.Retry.NONE) as Step.Retry)
    }

    static Task task(String id, List<String> dependsOn = [],
                     List<Action> actions = [new Action.Exec(['true'])] as List<Action>) {
        task([:], id, dependsOn, actions)
    }

    /** A compose plan of {@code tasks}, in that order, writing under {@code dir}. */
    static Plan plan(Path dir, List<Task> tasks) {
        new Plan('recipe.groovy', ['recipe.groovy'], 'Mini-9.1', dir.toString(), true, Scope.COMPOSE, null, [:], tasks)
    }
}
