package org.relengine.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks of one stage of a run, counted: how many are over, done, failed, skipped, running, and the stage's
 * wall time, from its first task's start to its last task's end.
 */
public record StageRun(String name, List<TaskRun> tasks) {

    /** The stages of a run, in the order their first task comes in the plan. */
    public static List<StageRun> of(List<TaskRun> runs) {
        Map<String, List<TaskRun>> stages = new LinkedHashMap<>();
        runs.forEach(run -> stages.computeIfAbsent(run.stage(), s -> new ArrayList<>()).add(run));
        return stages.entrySet().stream().map(e -> new StageRun(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public int total() {
        return tasks.size();
    }

    public int over() {
        return (int) tasks.stream().filter(TaskRun::over).count();
    }

    public int done() {
        return (int) tasks.stream().filter(TaskRun::done).count();
    }

    public int reused() {
        return (int) tasks.stream().filter(TaskRun::reused).count();
    }

    public int failed() {
        return (int) tasks.stream().filter(TaskRun::failed).count();
    }

    public int skipped() {
        return (int) tasks.stream().filter(TaskRun::skipped).count();
    }

    public List<TaskRun> running() {
        return tasks.stream().filter(t -> t.state() == TaskState.RUNNING).toList();
    }

    /** When its first task started; null when none ran. */
    public Instant start() {
        return tasks.stream().map(TaskRun::start).filter(s -> s != null).min(Instant::compareTo).orElse(null);
    }

    /** When its last task that ran ended; null while one has not ended, or when none ran. */
    public Instant end() {
        if (over() < total()) {
            return null;
        }
        // a skip is decided when the scheduler gets to it, which says nothing of the stage's own time
        return tasks.stream().filter(t -> t.start() != null).map(TaskRun::end).filter(e -> e != null)
                .max(Instant::compareTo).orElse(null);
    }

    /** From the first start to the last end, or to {@code now} while it runs; zero when nothing ran. */
    public Duration wall(Instant now) {
        Instant start = start();
        if (start == null) {
            return Duration.ZERO;
        }
        Instant end = end();
        return Duration.between(start, end == null ? now : end);
    }

    /**
     * Time left, roughly: the tasks not over, times the mean duration of those that ran to an end, shared by
     * as many as run at once now; null before any has ended.
     */
    public Duration left() {
        List<Duration> took = tasks.stream().filter(t -> t.took() != null).map(TaskRun::took).toList();
        if (took.isEmpty()) {
            return null;
        }
        Duration mean = took.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(took.size());
        return mean.multipliedBy(total() - over()).dividedBy(Math.max(1, running().size()));
    }
}
