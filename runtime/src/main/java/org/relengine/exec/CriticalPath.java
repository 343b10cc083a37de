package org.relengine.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The chain of tasks a run waited for: the task that finished last, the dependency of it that finished last,
 * and so on back to a task none of whose dependencies ran in this run. Making a task off the path faster
 * would not have ended the run sooner; the path's share of the wall time says how much more slots could help.
 *
 * @param tasks  the path, first task first; empty when no task ran
 * @param length the time its tasks ran, added up: the waits between them for a free slot are not in it
 * @param wall   from the run's start to its end
 */
public record CriticalPath(List<TaskRun> tasks, Duration length, Duration wall) {

    /** More tasks than this are shown as the first two, how many more, and the last two. */
    private static final int SHOWN = 5;

    public CriticalPath {
        tasks = List.copyOf(tasks);
    }

    /** The path of a run as its record has it, up to now while it goes on. */
    public static CriticalPath of(RunRecord record) {
        Map<String, List<String>> dependencies = new HashMap<>();
        if (record.plan() != null) {
            record.plan().tasks().forEach(t -> dependencies.put(t.id(), t.dependsOn()));
        }
        return of(record.runs(), id -> dependencies.getOrDefault(id, List.of()), record.wall());
    }

    /**
     * @param runs      every task of the run, in plan order (which breaks ties between equal end times: the later
     *                  task in a plan is the one that may depend on the other)
     * @param dependsOn the ids a task depends on
     */
    public static CriticalPath of(List<TaskRun> runs, Function<String, List<String>> dependsOn, Duration wall) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, TaskRun> ran = new HashMap<>();
        for (TaskRun run : runs) {
            order.put(run.id(), order.size());
            if (run.took() != null) {
                ran.put(run.id(), run);
            }
        }
        Comparator<TaskRun> finishing = Comparator.comparing(TaskRun::end)
                .thenComparing(run -> order.get(run.id()));
        List<TaskRun> path = new ArrayList<>();
        TaskRun last = ran.values().stream().max(finishing).orElse(null);
        while (last != null) {
            path.add(last);
            last = dependsOn.apply(last.id()).stream().map(ran::get).filter(run -> run != null)
                    .max(finishing).orElse(null);
        }
        Collections.reverse(path);
        Duration length = path.stream().map(TaskRun::took).reduce(Duration.ZERO, Duration::plus);
        return new CriticalPath(path, length, wall);
    }

    /** Its length in whole percent of the wall time; 0 for a run that took no time. */
    public long percent() {
        return wall.isZero() ? 0 : Math.round(100.0 * length.toMillis() / wall.toMillis());
    }

    /** The ids of the path joined by arrows, a long path cut in its middle so that the line stays readable. */
    public String shown() {
        List<String> ids = tasks.stream().map(TaskRun::id).toList();
        if (ids.size() > SHOWN) {
            ids = List.of(ids.get(0), ids.get(1), "… (" + (ids.size() - 4) + " more)", ids.get(ids.size() - 2),
                    ids.get(ids.size() - 1));
        }
        return String.join(" → ", ids);
    }

    /** {@code 4 min 2 s of 5 min 10 s wall (78 %)}. */
    public String summary() {
        return human(length) + " of " + human(wall) + " wall (" + percent() + " %)";
    }

    /** Whether the task is on the path. */
    public boolean contains(String id) {
        return tasks.stream().anyMatch(t -> t.id().equals(id));
    }

    static String human(Duration d) {
        return org.relengine.formats.Durations.human(d);
    }
}
