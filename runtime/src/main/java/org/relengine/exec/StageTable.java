package org.relengine.exec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** The table a run ends with, whatever its progress display: per stage, its tasks counted and its wall time. */
final class StageTable {

    private StageTable() {
    }

    static void print(List<StageRun> stages, Instant now, PrintWriter out) {
        out.println();
        out.printf("%-9s %6s %6s %7s %8s  %s%n", "stage", "tasks", "done", "failed", "skipped", "wall time");
        for (StageRun stage : stages) {
            out.printf("%-9s %6d %6d %7d %8d  %s%n", stage.name(), stage.total(), stage.done(), stage.failed(),
                    stage.skipped(), org.relengine.formats.Durations.human(stage.wall(now)));
        }
        out.flush();
    }
}
