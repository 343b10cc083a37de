package org.relengine.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relengine.exec.ComposeRun;
import org.relengine.exec.LiveProgress;
import org.relengine.exec.PlainProgress;
import org.relengine.exec.ProgressMode;
import org.relengine.exec.RunObserver;
import org.relengine.exec.RunRecord;
import org.relengine.plan.Plan;

/**
 * The progress display and the reports of the runs of one command: each plan's run is recorded as it goes and
 * shown, and when the last has ended the reports asked for cover them all.
 */
public final class RunReports {

    private static final int DEFAULT_WIDTH = 80;

    private final ReportOptions options;
    private final Map<String, String> env;
    private final boolean console;
    private final List<PlanRun> runs = new ArrayList<>();
    private RunRecord current;

    /**
     * @param env     the environment, which decides what {@code --progress auto} means and how wide a line is
     * @param console whether the output is an interactive terminal
     */
    public RunReports(ReportOptions options, Map<String, String> env, boolean console) {
        this.options = options;
        this.env = env;
        this.console = console;
    }

    /**
     * What is wrong with the report files asked for, in two lines (the problem and a hint), or null; checked
     * before anything runs, so that a long run does not end unable to write its report.
     */
    public String problem() {
        for (var asked : List.of(new Asked("--junit", options.junit(), "junit.xml"),
                new Asked("--report", options.html(), "report.html"),
                new Asked("--trace", options.trace(), "trace.json"))) {
            if (asked.file() == null) {
                continue;
            }
            if (Files.isDirectory(asked.file())) {
                return "relengine: " + asked.option() + " " + asked.file() + " is a directory\n"
                        + "  hint: name a file in it, e.g. " + asked.option() + " "
                        + asked.file().resolve(asked.example());
            }
            Path parent = asked.file().toAbsolutePath().getParent();
            for (Path p = parent; p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    return "relengine: " + asked.option() + " " + asked.file() + " cannot be written: " + p
                            + " is not a directory\n  hint: name a file in a directory";
                }
            }
        }
        return null;
    }

    private record Asked(String option, Path file, String example) {
    }

    /**
     * The observers of the next plan's run: its record, then the progress display that reads it.
     *
     * @param slots how many tasks the run runs at once
     */
    public List<RunObserver> observers(PrintWriter out, int slots) {
        current = new RunRecord(Clock.systemUTC(), slots);
        RunObserver progress = options.mode().resolve(env, console) == ProgressMode.LIVE
                ? LiveProgress.ticking(out, current, width())
                : new PlainProgress(out, current);
        return List.of(current, progress);
    }

    /** The plan whose run {@link #observers} last followed has ended so. */
    public void ran(Plan plan, ComposeRun.Result result) throws IOException {
        String status = plan.scope().compose() ? ComposeRun.status(Path.of(plan.composeDir())) : null;
        String word = status != null ? status : result.exitCode() == 0 ? "done" : "failed";
        runs.add(new PlanRun(plan, current, result.exitCode(), result.took(), word));
    }

    /**
     * Writes the reports asked for, when a run took place, and says where they are; false, with why on
     * {@code err}, when one cannot be written.
     */
    public boolean write(PrintWriter out, PrintWriter err) {
        if (runs.isEmpty()) {
            return true;
        }
        boolean ok = true;
        if (options.junit() != null) {
            try {
                JUnitReport.write(options.junit(), runs);
                out.println("relengine: JUnit report " + options.junit());
            } catch (IOException e) {
                err.println("relengine: cannot write the JUnit report " + options.junit() + ": " + reason(e));
                ok = false;
            }
        }
        if (options.html() != null) {
            try {
                HtmlReport.write(options.html(), runs);
                out.println("relengine: HTML report " + options.html());
            } catch (IOException e) {
                err.println("relengine: cannot write the HTML report " + options.html() + ": " + reason(e));
                ok = false;
            }
        }
        if (options.trace() != null) {
            try {
                OtlpTrace.write(options.trace(), runs);
                out.println("relengine: OpenTelemetry trace " + options.trace());
            } catch (IOException e) {
                err.println("relengine: cannot write the trace " + options.trace() + ": " + reason(e));
                ok = false;
            }
        }
        out.flush();
        err.flush();
        return ok;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory (" + missing.getFile() + ")";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }

    /** The terminal's width as the shell tells it in COLUMNS, or 80. */
    private int width() {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            return columns > 0 ? columns : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
