package org.relengine.exec;

import java.io.PrintWriter;
import org.relengine.plan.Task;

/** One line per task that ends, as it ends: what a log file or CI shows of a run. */
public final class PlainProgress implements RunObserver {

    private final PrintWriter out;
    private final RunRecord record;

    public PlainProgress(PrintWriter out, RunRecord record) {
        this.out = out;
        this.record = record;
    }

    @Override
    public void changed(Task task, TaskState state, int finished, int total, String detail) {
        switch (state) {
            case PENDING, RUNNING -> {
                return;
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

    @Override
    public void finished() {
        StageTable.print(record.stages(), record.now(), out);
    }
}
