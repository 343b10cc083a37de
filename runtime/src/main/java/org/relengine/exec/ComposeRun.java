package org.relengine.exec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.relengine.effects.LocalEffects;
import org.relengine.executors.ExecutorRegistry;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;
import org.relengine.plan.spi.Catalog;
import org.relengine.plan.spi.ProducerContext;

/**
 * A real run of a plan: the compose's STATUS, journal and per-task logs, the scheduler with the local
 * effects, and a summary that names every failed task, its log and the log's last lines.
 */
public final class ComposeRun {

    /** What runs a plan's tasks: the code behind every key the plan names, and the executors. */
    public record Engine(Catalog catalog, ExecutorRegistry executors) {
    }

    /** A task whose work is all done in a pool of relengine's own (besides making its directories). */
    static boolean pooled(Task task, Engine engine) {
        boolean any = false;
        for (org.relengine.plan.Action action : task.actions()) {
            if (action instanceof org.relengine.plan.Action.Internal internal
                    && engine.catalog().operation(internal.operation()).pooled()) {
                any = true;
            } else if (!(action instanceof org.relengine.plan.Action.MakeDirectory)) {
                return false;
            }
        }
        return any;
    }

    /** How it ended; {@code exitCode} 0 when every required task is done, 3 when one failed. */
    public record Result(Scheduler.Outcome outcome, int exitCode, Duration took, Path logs) {
    }

    /**
     * How to run: tasks at a time, the per-command timeout, whether to resume from the compose's journal,
     * whether to take over locks held on another host, the command line named in the locks, and whether
     * resuming hashes every recorded output ({@code --verify full}) or only those whose time changed.
     */
    public record Options(int jobs, Duration timeout, boolean resume, boolean breakLock, String command,
                          boolean verifyFull) {
        public Options(int jobs, Duration timeout, boolean resume, boolean breakLock, String command) {
            this(jobs, timeout, resume, breakLock, command, false);
        }
    }

    private static final int TAIL = 12;

    private ComposeRun() {
    }

    /**
     * @param observers told of the run's start, every state change and its end, in this order (a record of the
     *                  run first, then the progress display that reads it)
     * @throws RunLock.Locked when another run holds the compose or a publish target; nothing was changed
     */
    public static Result run(Plan plan, Engine engine, Options options, PrintWriter out, List<RunObserver> observers)
            throws IOException, RunLock.Locked {
        // every operation, producer and probe the plan names has its code here, before anything is locked or run
        engine.catalog().check(plan);
        Path composeDir = Path.of(plan.composeDir());
        Path work = composeDir.resolve("work");
        try (RunLocks locks = RunLocks.take(plan, options.command(), options.breakLock())) {
            locks.takeovers().forEach(line -> out.println("relengine: " + line));
            return locked(plan, engine, options, composeDir, work, out, observers);
        }
    }

    private static Result locked(Plan plan, Engine engine, Options options, Path composeDir, Path work, PrintWriter out,
                                 List<RunObserver> observers) throws IOException {
        int jobs = options.jobs();
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        Journal journal = new Journal(work.resolve("journal"));
        if (Files.exists(journal.file(), java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(journal.file())) {
            // nothing can be appended to it, and what it held is not there to resume from: the user's to remove
            throw new StateWriteFault(journal.file(), new java.nio.file.FileSystemException(journal.file().toString(),
                    null, Files.isDirectory(journal.file()) ? "Is a directory" : "Not a regular file"));
        }
        Journal.History previous = options.resume() ? Journal.read(journal.file()) : null;
        if (previous != null) {
            previous.damaged().forEach(line -> out.println("relengine: warning: " + journal.file() + " " + line
                    + "; skipped (the tasks it spoke of run again unless a later line says they finished)"));
        }
        journal.start(ProcessHandle.current().pid(), options.resume());
        // the compose's own copy of its plan: `relengine status` and `explain` read it, no recipe needed
        StateFiles.write(work.resolve("plan.json"), org.relengine.plan.PlanJson.render(plan, null));
        boolean compose = plan.scope().compose();
        ComposeStatus status = new ComposeStatus(plan, journal.file());
        LocalEffects effects = new LocalEffects(logs, options.timeout(), engine.catalog(), producing(),
                work.resolve("tmp"));
        Instant start = Instant.now();
        out.println("relengine: " + plan.tasks().size() + " tasks, " + jobs + " at a time; logs in " + logs);
        if (previous != null) {
            out.println("relengine: resuming " + plan.composeId() + " from its journal (" + previous.runs()
                    + (previous.runs() == 1 ? " earlier run" : " earlier runs") + ")");
        }
        out.flush();
        TaskHasher hasher = new TaskHasher(plan, new ToolVersions(), new InputFingerprints(effects.waits()::of),
                relengineVersion(), engine.executors());
        observers.stream().filter(RunRecord.class::isInstance)
                .forEach(o -> ((RunRecord) o).pooled(task -> pooled(task, engine)));
        observers.forEach(o -> o.started(plan, effects::log));
        Scheduler.Outcome outcome;
        try {
            outcome = new Scheduler(effects, engine.executors(), jobs, journal, new Scheduler.Listener() {
                @Override
                public void changed(Task task, TaskState state, int finished, int total, String detail) {
                    observers.forEach(o -> o.changed(task, state, finished, total, detail));
                }

                @Override
                public void performing(Task task) {
                    status.performing(task);
                }
            }, hasher, previous, new OutputRecords(plan), options.verifyFull()).pooled(task -> pooled(task, engine))
                    .run(plan);
        } finally {
            observers.forEach(RunObserver::finished);
        }
        Duration took = Duration.between(start, Instant.now());
        List<String> failed = outcome.ids(TaskState.FAILED);
        List<String> required = failed.stream().filter(id -> !plan.task(id).map(Task::failable).orElse(false)).toList();
        StateWriteFault stopped = outcome.stopped();
        try {
            status.settle(plan, outcome, required, stopped != null);
        } catch (StateWriteFault e) {
            stopped = stopped == null ? e : stopped;
        }
        out.println();
        int reused = outcome.ids(TaskState.REUSED).size();
        if (previous != null && reused == plan.tasks().size()) {
            out.println("relengine: nothing to do: all " + reused + " tasks finished in an earlier run with the same "
                    + "ingredients (relengine explain TASK says what they are)");
        }
        out.printf("relengine: %d done, %s%d failed (%d required), %d skipped in %s%n",
                outcome.ids(TaskState.DONE).size(), previous == null ? "" : reused + " reused, ", failed.size(),
                required.size(), outcome.ids(TaskState.SKIPPED).size(), org.relengine.formats.Durations.human(took));
        for (String id : failed) {
            Path log = effects.log(id);
            out.println();
            out.println("FAILED " + id + (required.contains(id) ? "" : " (failable)") + ": " + outcome.failures().get(id));
            out.println("  log: " + log);
            for (String unresolved : FailureReport.unresolved(log)) {
                out.println("  unresolved dependency: " + unresolved);
            }
            String sync = FailureReport.cause(plan.task(id).orElseThrow(), log);
            if (sync != null) {
                out.println("  cause: " + sync);
            }
            for (String line : tail(log)) {
                out.println("  | " + line);
            }
        }
        String state = compose ? status(composeDir) : null;
        if (state != null) {
            out.println("relengine: compose " + plan.composeId() + " is " + state);
        }
        if (stopped != null) {
            int unstarted = outcome.ids(TaskState.PENDING).size();
            out.println("relengine: the run stopped: " + stopped.getMessage() + (unstarted == 0 ? ""
                    : "; " + unstarted + (unstarted == 1 ? " task was" : " tasks were") + " not started"));
            out.println("  hint: " + stopped.hint());
        }
        out.flush();
        return new Result(outcome, required.isEmpty() && stopped == null ? 0 : 3, took, logs);
    }

    /** What a run lends the producers of files: one timestamp for all of them, and the compose's end from its journal. */
    public static ProducerContext producing() {
        long timestamp = System.currentTimeMillis() / 1000;
        return new ProducerContext() {
            @Override
            public long timestamp() {
                return timestamp;
            }

            @Override
            public String finishedStatus(Path journal) throws IOException {
                return Journal.read(journal).finishedStatus();
            }
        };
    }

    /**
     * The word a compose's STATUS holds, or null when there is none to read: none was written, or what stands at
     * its path is no file (a directory in the way, which the run reports as the reason it stopped).
     */
    public static String status(Path composeDir) {
        Path file = composeDir.resolve("STATUS");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** The version that goes into the ingredients of work done in Java. */
    public static String relengineVersion() {
        String version = ComposeRun.class.getPackage().getImplementationVersion();
        return "relengine " + (version == null ? "(development build)" : version);
    }

    private static List<String> tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of("(no log)");
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - TAIL), lines.size());
    }
}
