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
                new NotYetDriven(Executor.MOCK), new KubernetesExecutor()));
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
        TreeSet<String> reasons = new TreeSet<>();
        for (Task task : plan.tasks()) {
            of(task).unavailable().ifPresent(why -> {
                elsewhere.add(task);
                reasons.add(why);
            });
        }
        if (!elsewhere.isEmpty()) {
            return elsewhere.size() + (elsewhere.size() == 1 ? " task runs" : " tasks run") + " where this machine "
                    + "cannot take it now (e.g. " + elsewhere.get(0).id() + "): " + String.join("; ", reasons);
        }
        for (Task task : plan.tasks()) {
            var refusal = of(task).refusal(plan, task);
            if (refusal.isPresent()) {
                return "task " + task.id() + " cannot run on " + task.executor().word() + ": " + refusal.get();
            }
        }
        return null;
    }
}
