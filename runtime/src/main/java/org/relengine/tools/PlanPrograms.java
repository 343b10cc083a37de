package org.relengine.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relengine.executors.ExecutorRegistry;
import org.relengine.model.Executor;
import org.relengine.plan.Action;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;
import org.relengine.steps.StepRegistry;

/**
 * The external programs a plan runs, read off the plan itself: every command's program, the programs its
 * probes run, and, for a task that runs elsewhere, the program that takes it there (podman, mock). Nothing
 * is listed by hand, so what `relengine doctor` checks and the demo installs cannot fall behind the steps.
 *
 * @param programs each program by its catalog name, with the kinds of task that run it
 * @param here     those that must be on this machine: what local tasks run, and the executors' own programs
 */
public record PlanPrograms(Map<String, Set<String>> programs, Set<String> here) {

    public static PlanPrograms of(Plan plan, ProgramCatalog catalog) {
        Map<String, Set<String>> programs = new TreeMap<>();
        Set<String> here = new TreeSet<>();
        for (Task task : plan.tasks()) {
            for (String program : run(task, catalog)) {
                programs.computeIfAbsent(program, p -> new TreeSet<>()).add(task.kind().word());
                if (task.executor() == Executor.LOCAL) {
                    here.add(program);
                }
            }
            for (String program : org.relengine.executors.standard.StandardExecutors.registry().of(task).programs()) {
                programs.computeIfAbsent(program, p -> new TreeSet<>()).add(task.kind().word());
                here.add(program);
            }
        }
        return new PlanPrograms(programs, here);
    }

    private static List<String> run(Task task, ProgramCatalog catalog) {
        List<String> programs = new ArrayList<>();
        for (Action action : task.actions()) {
            if (action instanceof Action.Exec exec) {
                programs.add(catalog.nameOf(exec.argv()));
            } else if (action instanceof Action.Internal internal) {
                programs.addAll(StepRegistry.standard().operation(internal.operation()).programs(internal.params()));
            } else if (action instanceof Action.Probe probe) {
                programs.addAll(StepRegistry.standard().probe(probe.operation()).programs());
            }
        }
        return programs;
    }

    /** The same programs plus {@code more}, run by {@code by} on this machine (the demo's fixture builds). */
    public PlanPrograms with(List<String> more, String by) {
        Map<String, Set<String>> all = new TreeMap<>();
        programs.forEach((k, v) -> all.put(k, new TreeSet<>(v)));
        Set<String> allHere = new TreeSet<>(here);
        for (String program : more) {
            all.computeIfAbsent(program, p -> new TreeSet<>()).add(by);
            allHere.add(program);
        }
        return new PlanPrograms(all, allHere);
    }
}
