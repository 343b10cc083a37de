package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.relengine.exec.ComposeRun;
import org.relengine.exec.RunLock;
import org.relengine.model.Executor;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/** A run for real, after the checks that must hold before anything is touched. */
final class RealRun {

    private RealRun() {
    }

    static int run(Plan plan, Integer jobs, Duration timeout, boolean confirmed, ResumeOptions resume,
                   String command, PrintWriter out, PrintWriter err) throws IOException {
        List<Task> elsewhere = plan.tasks().stream().filter(t -> t.executor() != Executor.LOCAL).toList();
        if (!elsewhere.isEmpty()) {
            TreeSet<String> executors = new TreeSet<>();
            elsewhere.forEach(t -> executors.add(t.executor().word()));
            err.println("relengine: " + elsewhere.size() + " tasks run on " + String.join(", ", executors)
                    + ", which this version cannot drive yet (e.g. " + elsewhere.get(0).id() + ")");
            err.println("  hint: run them on this machine with --executor local");
            return ExitCode.ERRORS;
        }
        if (!confirmed && plan.task("promote").isPresent()) {
            err.println("relengine: this run publishes to production (" + plan.targets().get("production") + "): "
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
            ComposeRun.Result result = ComposeRun.run(plan, new ComposeRun.Options(parallel,
                    timeout, resume.resume, resume.breakLock, command), out);
            return result.exitCode() == 0 ? ExitCode.OK : ExitCode.TASK_FAILED;
        } catch (RunLock.Locked e) {
            err.println("relengine: " + e.getMessage());
            if (e.hint() != null) {
                err.println("  hint: " + e.hint());
            }
            return ExitCode.ERRORS;
        }
    }
}
