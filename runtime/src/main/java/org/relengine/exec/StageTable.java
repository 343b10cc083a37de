package org.relengine.exec;

import java.io.PrintWriter;
import java.util.List;

/**
 * The table a run ends with, whatever its progress display: per stage, its tasks counted and its wall time;
 * then where the time went: the critical path against the wall time, and how much of it the slots sat idle.
 */
final class StageTable {

    private StageTable() {
    }

    static void print(RunRecord record, PrintWriter out) {
        List<StageRun> stages = record.stages();
        out.println();
        out.printf("%-9s %6s %6s %7s %8s  %s%n", "stage", "tasks", "done", "failed", "skipped", "wall time");
        for (StageRun stage : stages) {
            out.printf("%-9s %6d %6d %7d %8d  %s%n", stage.name(), stage.total(), stage.done(), stage.failed(),
                    stage.skipped(), org.relengine.formats.Durations.human(stage.wall(record.now())));
        }
        CriticalPath path = CriticalPath.of(record);
        if (!path.tasks().isEmpty()) {
            Lanes lanes = Lanes.of(record.runs(), record.pooled());
            int slots = Math.max(record.slots(), lanes.count());
            out.println();
            out.println("critical path  " + path.summary() + ": " + path.shown());
            out.println("slots idle     " + lanes.idle(slots, path.wall()) + " % of " + slots
                    + (slots == 1 ? " slot × " : " slots × ") + CriticalPath.human(path.wall()));
        }
        out.flush();
    }
}
