package org.relengine.exec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * A display of a run on a terminal, redrawn in place: one line per stage with its tasks over and in all,
 * failures, elapsed time, a rough time left and the tasks running now. A failure is also printed once above
 * the display, where it stays when the display moves on.
 */
public final class LiveProgress implements RunObserver {

    /** At most five frames a second: fast enough to look live, slow enough not to flood a remote terminal. */
    private static final long PERIOD_MILLIS = 200;

    private static final String ESC = "\u001b[";

    private final PrintWriter out;
    private final RunRecord record;
    private final int width;
    private final boolean ticking;
    private final List<String> notes = new ArrayList<>();
    private ScheduledExecutorService ticker;
    private List<String> drawn = List.of();

    /** A display that redraws itself while the run goes, {@code width} columns wide. */
    public static LiveProgress ticking(PrintWriter out, RunRecord record, int width) {
        return new LiveProgress(out, record, width, true);
    }

    /** A display drawn only when {@link #draw()} is called, and once at the end. */
    public LiveProgress(PrintWriter out, RunRecord record, int width) {
        this(out, record, width, false);
    }

    private LiveProgress(PrintWriter out, RunRecord record, int width, boolean ticking) {
        this.out = out;
        this.record = record;
        this.width = Math.max(20, width);
        this.ticking = ticking;
    }

    @Override
    public void started(Plan plan, Function<String, Path> logs) {
        if (ticking) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "relengine-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::draw, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void changed(Task task, TaskState state, int finished, int total, String detail) {
        if (state == TaskState.FAILED) {
            notes.add(String.format("[%d/%d] FAILED  %s%s: %s", finished, total, task.id(),
                    task.failable() ? " (failable)" : "", detail));
        }
    }

    @Override
    public void finished() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        draw();
        StageTable.print(record, out);
    }

    /**
     * Replaces the last frame with the notes that came since, then the display as it stands now; nothing when
     * nothing changed, so that an idle run redraws once a second, as its clock moves.
     */
    public synchronized void draw() {
        List<String> lines = frame(record.stages(), record.now());
        if (notes.isEmpty() && lines.equals(drawn)) {
            return;
        }
        StringBuilder frame = new StringBuilder();
        if (!drawn.isEmpty()) {
            // back to the first line of the last frame, and clear from there down
            frame.append('\r').append(ESC).append(drawn.size()).append('A').append(ESC).append('J');
        }
        notes.forEach(note -> frame.append(note).append('\n'));
        notes.clear();
        lines.forEach(line -> frame.append(line).append('\n'));
        drawn = lines;
        out.print(frame);
        out.flush();
    }

    /** The display's lines, each shorter than the terminal so that none wraps. */
    public List<String> frame(List<StageRun> stages, Instant now) {
        return stages.stream().map(stage -> fit(line(stage, now))).toList();
    }

    private static String line(StageRun stage, Instant now) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format("%-8s %3d/%-3d", stage.name(), stage.over(), stage.total()));
        if (stage.failed() > 0) {
            parts.add(stage.failed() + " failed");
        }
        if (stage.skipped() > 0) {
            parts.add(stage.skipped() + " skipped");
        }
        if (stage.start() == null) {
            parts.add(stage.over() == stage.total() ? "not run" : "waiting");
        } else if (stage.end() != null) {
            parts.add("took " + clock(stage.wall(now)));
        } else {
            parts.add(clock(stage.wall(now)));
            Duration left = stage.left();
            if (left != null) {
                parts.add("~" + clock(left) + " left");
            }
        }
        List<String> running = stage.running().stream()
                .map(run -> run.reason() == null ? run.id() : run.id() + " (" + run.reason() + ")").toList();
        if (!running.isEmpty()) {
            parts.add("running " + String.join(", ", running));
        }
        return String.join("  ", parts);
    }

    private String fit(String line) {
        return line.length() < width ? line : line.substring(0, width - 2) + "…";
    }

    /** {@code 4:07}, {@code 1:02:09}. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
