package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.relengine.exec.ComposeRun;
import org.relengine.exec.RunLock;
import org.relengine.executors.ExecutorRegistry;
import org.relengine.plan.Plan;
import org.relengine.steps.StepRegistry;
import org.relengine.report.RunReports;

/** A run for real, after the checks that must hold before anything is touched. */
final class RealRun {

    /** The step units relengine ships and its executors: what every run of a plan is performed with. */
    static final ComposeRun.Engine ENGINE = new ComposeRun.Engine(StepRegistry.standard(),
            org.relengine.executors.standard.StandardExecutors.registry());

    private RealRun() {
    }

    /**
     * How a command wants its plans run: tasks at a time (null: the number of cores), the per-command timeout,
     * whether production was confirmed, resume and lock options, the reports, and the command line for locks.
     */
    record Settings(Integer jobs, Duration timeout, boolean confirmed, ResumeOptions resume, RunReports reports,
                    String command) {
    }

    static int run(Plan plan, Settings settings, PrintWriter out, PrintWriter err) throws IOException {
        boolean confirmed = settings.confirmed();
        ResumeOptions resume = settings.resume();
        Integer jobs = settings.jobs();
        String refusal = ENGINE.executors().refusal(plan);
        if (refusal != null) {
            err.println("relengine: " + refusal);
            err.println("  hint: run them on this machine with --executor local");
            return ExitCode.ERRORS;
        }
        String guarded = plan.writes("production") ? "production" : plan.writes("vault") ? "vault" : null;
        if (!confirmed && guarded != null) {
            err.println("relengine: this run publishes to " + (guarded.equals("vault") ? "the vault" : guarded)
                    + " (" + plan.targets().get(guarded) + "): "
                    + "give --confirm, or save the plan with `relengine plan --out PLAN` and run it with "
                    + "`relengine apply PLAN`");
            return ExitCode.ERRORS;
        }
        if (plan.full() && !resume.resume && Files.exists(Path.of(plan.composeDir()))) {
            err.println("relengine: " + plan.composeDir() + " exists already; a full run makes a new compose");
            err.println("  hint: give --resume to continue it");
            return ExitCode.ERRORS;
        }
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        try {
            ComposeRun.Result result = ComposeRun.run(plan, ENGINE, new ComposeRun.Options(parallel, settings.timeout(),
                    resume.resume, resume.breakLock, settings.command(), resume.verifyFull()), out, settings.reports().observers(out, parallel));
            settings.reports().ran(plan, result);
            return result.exitCode() == 0 ? ExitCode.OK : ExitCode.TASK_FAILED;
        } catch (RunLock.Locked e) {
            return refused("relengine: ", e, err);
        }
    }

    /**
     * The reports of the runs that took place are written even when one failed (that is when they are read);
     * a report that cannot be written fails a command that otherwise succeeded.
     */
    static int report(RunReports reports, int exit, PrintWriter out, PrintWriter err) {
        boolean written = reports.write(out, err);
        return written || exit != ExitCode.OK ? exit : ExitCode.ERRORS;
    }

    /** Checks the report options before anything runs; false, having said why on {@code err}. */
    static boolean check(RunReports reports, PrintWriter err) {
        String problem = reports.problem();
        if (problem != null) {
            err.println(problem);
            err.flush();
        }
        return problem == null;
    }

    /** A run another run is in the way of: who holds what, and what to do. */
    static int refused(String prefix, RunLock.Locked e, PrintWriter err) {
        err.println(prefix + e.getMessage());
        if (e.hint() != null) {
            err.println("  hint: " + e.hint());
        }
        return ExitCode.ERRORS;
    }
}
