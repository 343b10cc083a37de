package org.relengine.executors;

import java.util.List;
import org.relengine.effects.Effects;
import org.relengine.plan.Action;
import org.relengine.plan.Task;
import org.relengine.plan.spi.TaskFailure;

/**
 * A task's actions performed one by one through the effects, up to the first failure: every action as it stands
 * in the plan, but each command in the form its executor runs it ({@code podman run … argv}).
 */
public final class ActionWalk implements Action.Visitor<TaskExecutor.Outcome> {

    /** How an executor runs a command of the task: the argv that runs it there. */
    @FunctionalInterface
    public interface CommandForm {
        List<String> of(List<String> argv, int index);

        CommandForm AS_PLANNED = (argv, index) -> argv;
    }

    private final String task;
    private final Effects effects;
    private final CommandForm form;
    private int commands;

    private ActionWalk(String task, Effects effects, CommandForm form) {
        this.task = task;
        this.effects = effects;
        this.form = form;
    }

    static TaskExecutor.Outcome perform(Task task, Effects effects) {
        return perform(task, effects, CommandForm.AS_PLANNED);
    }

    public static TaskExecutor.Outcome perform(Task task, Effects effects, CommandForm form) {
        ActionWalk walk = new ActionWalk(task.id(), effects, form);
        try {
            for (Action action : task.actions()) {
                TaskExecutor.Outcome outcome = action.accept(walk);
                if (!outcome.done()) {
                    return outcome;
                }
            }
            return TaskExecutor.Outcome.DONE;
        } catch (TaskFailure e) {
            return new TaskExecutor.Outcome(e.getMessage(), null);
        }
    }

    @Override
    public TaskExecutor.Outcome exec(Action.Exec exec) {
        int exit = effects.exec(task, form.of(exec.argv(), commands++), exec.stdout());
        return exit == 0 ? TaskExecutor.Outcome.DONE
                : new TaskExecutor.Outcome(exec.argv().get(0) + " exited with status " + exit, exit);
    }

    @Override
    public TaskExecutor.Outcome makeDirectory(Action.MakeDirectory dir) {
        effects.makeDirectory(task, dir.path());
        return TaskExecutor.Outcome.DONE;
    }

    @Override
    public TaskExecutor.Outcome writeFile(Action.WriteFile write) {
        effects.writeFile(task, write.path(), write.producer(), write.content(), write.params());
        return TaskExecutor.Outcome.DONE;
    }

    @Override
    public TaskExecutor.Outcome symlink(Action.Symlink link) {
        effects.symlink(task, link.link(), link.target());
        return TaskExecutor.Outcome.DONE;
    }

    @Override
    public TaskExecutor.Outcome internal(Action.Internal internal) {
        effects.internal(task, internal.operation(), internal.description(), internal.paths(), internal.params());
        return TaskExecutor.Outcome.DONE;
    }

    @Override
    public TaskExecutor.Outcome probe(Action.Probe probe) {
        effects.probe(task, probe.operation(), probe.description(), probe.params());
        return TaskExecutor.Outcome.DONE;
    }
}
