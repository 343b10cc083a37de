package org.relengine.executors;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.relengine.model.Executor;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/** Every executor a recipe can name, by its name; each name the recipe language knows has one. */
public final class ExecutorRegistry {

    private final Map<Executor, TaskExecutor> executors = new EnumMap<>(Executor.class);

    /** @throws IllegalStateException when a name the recipe language knows has no executor, or two */
    public ExecutorRegistry(List<TaskExecutor> all) {
        for (TaskExecutor executor : all) {
            if (executors.putIfAbsent(executor.name(), executor) != null) {
                throw new IllegalStateException("two executors are named " + executor.name().word());
            }
        }
        for (Executor name : Executor.values()) {
            if (!executors.containsKey(name)) {
                throw new IllegalStateException("no executor is registered for `on: " + name.word() + "`");
            }
        }
    }

    public static ExecutorRegistry standard() {
        return new ExecutorRegistry(List.of(new LocalExecutor(), new NotYetDriven(Executor.PODMAN),
                new NotYetDriven(Executor.MOCK), new NotYetDriven(Executor.KUBERNETES)));
    }

    public TaskExecutor of(Task task) {
        return executors.get(task.executor());
    }

    /**
     * Why the plan cannot run here, in one line, or null when every task's executor can run it: a run checks this
     * before anything starts.
     */
    public String refusal(Plan plan) {
        List<Task> elsewhere = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        for (Task task : plan.tasks()) {
            if (of(task).unavailable().isPresent()) {
                elsewhere.add(task);
                names.add(task.executor().word());
            }
        }
        if (elsewhere.isEmpty()) {
            return null;
        }
        return elsewhere.size() + " tasks run on " + String.join(", ", names) + ", which this version cannot drive "
                + "yet (e.g. " + elsewhere.get(0).id() + ")";
    }
}
