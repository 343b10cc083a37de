package org.relengine.exec;

import java.io.PrintWriter;
import org.relengine.plan.Task;

/** One line per task that ends, as it ends: what a log file or CI shows of a run. */
public final class PlainProgress implements RunObserver {

    private final PrintWriter out;
    private final RunRecord record;
    private static final java.time.Duration WAITS_EVERY = java.time.Duration.ofSeconds(30);
    private final java.util.Map<String, java.time.Instant> waitsShown = new java.util.HashMap<>();

    public PlainProgress(PrintWriter out, RunRecord record) {
        this.out = out;
        this.record = record;
    }

    @Override
    public void changed(Task task, TaskState state, int finished, int total, String detail) {
        switch (state) {
            case PENDING -> {
                return;
            }
            case RUNNING -> {
                if (detail == null || !due(task.id())) {
                    return;
                }
                out.printf("[%d/%d] running %s: %s%n", finished, total, task.id(), detail);
            }
            case DONE -> out.printf("[%d/%d] done    %s%n", finished, total, task.id());
            case FAILED -> out.printf("[%d/%d] FAILED  %s%s: %s%n", finished, total, task.id(),
                    task.failable() ? " (failable)" : "", detail);
            case SKIPPED -> out.printf("[%d/%d] skipped %s (a required dependency failed)%n", finished, total,
                    task.id());
            case REUSED -> out.printf("[%d/%d] reused  %s%n", finished, total, task.id());
            default -> out.printf("[%d/%d] %-7s %s%n", finished, total, state.word(), task.id());
        }
        out.flush();
    }

    /**
     * Whether what a task waits for is to be printed now: the first time, then at most every {@link #WAITS_EVERY},
     * so that a long download is a line now and then, not a line every few seconds.
     */
    private boolean due(String task) {
        java.time.Instant now = record.now();
        java.time.Instant last = waitsShown.get(task);
        if (last != null && java.time.Duration.between(last, now).compareTo(WAITS_EVERY) < 0) {
            return false;
        }
        waitsShown.put(task, now);
        return true;
    }

    @Override
    public void finished() {
        StageTable.print(record, out);
    }
}
