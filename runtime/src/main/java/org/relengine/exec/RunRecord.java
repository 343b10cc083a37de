package org.relengine.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relengine.plan.Action;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * What every task of a run did and when, kept in memory as the run goes: what the progress display draws
 * and the reports are written from. Every task of the plan is in it from the start, in plan order.
 */
public final class RunRecord implements RunObserver {

    /** How the scheduler words a command's failure; the exit status is read back from it. */
    private static final Pattern EXITED = Pattern.compile("exited with status (-?\\d+)$");

    private final InstantSource clock;
    private final int slots;
    private final Map<String, TaskRun> runs = new LinkedHashMap<>();
    private java.util.function.Predicate<Task> pooledTasks = task -> false;
    private final java.util.Set<String> pooled = new java.util.HashSet<>();
    private Plan plan;
    private Instant started;
    private Instant ended;

    /** @param slots how many tasks the scheduler runs at once ({@code --jobs}) */
    public RunRecord(InstantSource clock, int slots) {
        this.clock = clock;
        this.slots = slots;
    }

    /** Which tasks take no slot (their work runs in a pool of relengine's own), as the scheduler counts them. */
    public synchronized void pooled(java.util.function.Predicate<Task> which) {
        this.pooledTasks = which;
    }

    /** The ids of the tasks that take no slot. */
    public synchronized java.util.Set<String> pooled() {
        return java.util.Set.copyOf(pooled);
    }

    @Override
    public synchronized void started(Plan plan, Function<String, Path> logs) {
        this.plan = plan;
        plan.tasks().stream().filter(pooledTasks).forEach(task -> pooled.add(task.id()));
        started = clock.instant();
        for (Task task : plan.tasks()) {
            runs.put(task.id(), new TaskRun(task.id(), task.kind().stage(), task.failable(), TaskState.PENDING,
                    null, null, null, null, logs.apply(task.id())));
        }
    }

    @Override
    public synchronized void changed(Task task, TaskState state, int finished, int total, String detail) {
        TaskRun run = runs.get(task.id());
        if (run == null) {
            return;
        }
        Instant now = clock.instant();
        if (state == TaskState.RUNNING && run.state() == TaskState.RUNNING && detail != null) {
            // what a running task waits for: it started when it started
            runs.put(task.id(), run.with(state, run.start(), null, null, detail));
        } else if (state == TaskState.RUNNING) {
            runs.put(task.id(), run.with(state, now, null, null, null));
        } else if (state == TaskState.SKIPPED) {
            runs.put(task.id(), run.with(state, run.start(), now, null,
                    detail != null ? detail : "a required dependency failed"));
        } else if (state == TaskState.FAILED) {
            runs.put(task.id(), run.with(state, run.start(), now, exit(detail), detail));
        } else if (state == TaskState.DONE) {
            boolean ranCommands = task.actions().stream().anyMatch(Action.Exec.class::isInstance);
            runs.put(task.id(), run.with(state, run.start(), now, ranCommands ? 0 : null, null));
        } else if (state == TaskState.REUSED) {
            // an earlier run did the work: this run spent no time on it
            runs.put(task.id(), run.with(state, null, null, null, null));
        } else if (state != TaskState.PENDING) {
            runs.put(task.id(), run.with(state, run.start(), now, null, detail));
        }
    }

    @Override
    public synchronized void finished() {
        ended = clock.instant();
    }

    private static Integer exit(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = EXITED.matcher(detail);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    public synchronized Plan plan() {
        return plan;
    }

    /** Every task of the plan, in plan order, as it stands now. */
    public synchronized List<TaskRun> runs() {
        return new ArrayList<>(runs.values());
    }

    public synchronized List<StageRun> stages() {
        return StageRun.of(runs());
    }

    /** When the first task could start; null before the run started. */
    public synchronized Instant startedAt() {
        return started;
    }

    /** When the last task ended; null while the run goes on. */
    public synchronized Instant endedAt() {
        return ended;
    }

    /** How many tasks the scheduler runs at once. */
    public int slots() {
        return slots;
    }

    /** From the start of the run to its end, or to now while it goes on; zero before it started. */
    public synchronized Duration wall() {
        return started == null ? Duration.ZERO : Duration.between(started, ended != null ? ended : now());
    }

    public Instant now() {
        return clock.instant();
    }
}
