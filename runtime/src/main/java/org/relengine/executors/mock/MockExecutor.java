package org.relengine.executors.mock;

import java.util.List;
import java.util.Optional;
import org.relengine.effects.Effects;
import org.relengine.executors.ActionWalk;
import org.relengine.executors.TaskExecutor;
import org.relengine.model.Executor;
import org.relengine.plan.Action;
import org.relengine.plan.Task;
import org.relengine.process.Processes;

/** {@code on: mock}: each command of a task runs in a mock chroot of the recipe's configuration ({@link MockChroot}). */
public final class MockExecutor implements TaskExecutor {

    @Override
    public Executor name() {
        return Executor.MOCK;
    }

    @Override
    public List<String> programs() {
        return List.of("mock");
    }

    @Override
    public Optional<String> unavailable() {
        return Processes.onPath("mock") == null ? Optional.of("mock is not installed (it is packaged for Fedora, "
                + "RHEL and Rocky, not for Debian)") : Optional.empty();
    }

    @Override
    public Outcome perform(Placed placed, Effects effects) {
        Task task = placed.task();
        if (task.actions().stream().anyMatch(Action.Exec.class::isInstance)) {
            int exit = effects.exec(task.id(), MockChroot.init(placed.plan(), task), null);
            if (exit != 0) {
                return new Outcome("mock could not make the chroot " + placed.plan().executors().mock()
                        .config(task.arch()) + " (status " + exit + ")", exit);
            }
        }
        return ActionWalk.perform(task, effects, (argv, index) -> MockChroot.run(placed.plan(), task, argv));
    }
}
