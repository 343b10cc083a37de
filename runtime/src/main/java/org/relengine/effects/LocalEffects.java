package org.relengine.effects;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.relengine.formats.AtomicFiles;
import org.relengine.formats.Durations;
import org.relengine.plan.OperationKey;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.ShellQuote;
import org.relengine.plan.spi.Catalog;
import org.relengine.plan.spi.OperationContext;
import org.relengine.plan.spi.ProducerContext;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.secrets.RedactedOutput;

/**
 * The real effects: processes through Apache Commons Exec as argv (never a shell), with a timeout and
 * their output streamed to the task's own log; files written to a temporary name and renamed into place;
 * links replaced atomically. Every line of a log, a tool's output included, has its secrets hidden
 * ({@link RedactedOutput}).
 */
public final class LocalEffects implements Effects {

    private final Path logs;
    private final Duration timeout;
    private final Catalog catalog;
    private final ProducerContext producing;
    private final Path scratch;
    /** The watchdogs of the commands running now, to kill them when the run stops. */
    private final java.util.Set<ExecuteWatchdog> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The threads following work elsewhere now, to interrupt them when the run stops. */
    private final java.util.Set<Thread> remote = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Why the run is ending before its time; null while it goes on. */
    private volatile String stopping;
    private final TaskWaits waits;

    /**
     * @param catalog   the operations, producers and probes the plan's actions name
     * @param producing what the run lends the producers of files
     * @param scratch   a directory for temporary clones and downloads, unique to the run
     */
    public LocalEffects(Path logs, Duration timeout, Catalog catalog, ProducerContext producing, Path scratch) {
        this.logs = logs;
        this.timeout = timeout;
        this.catalog = catalog;
        this.producing = producing;
        this.scratch = scratch;
        this.waits = new TaskWaits(timeout, this::note);
    }

    @Override
    public TaskWaits waits() {
        return waits;
    }

    /** The log file of a task: {@code work/logs/<task id, colons as underscores>.log}. */
    public Path log(String task) {
        return logs.resolve(logName(task));
    }

    /** Colons are not welcome in file names on every system a log may be copied to. */
    public static String logName(String task) {
        return task.replace(':', '_') + ".log";
    }

    private PrintWriter open(String task) {
        try {
            Files.createDirectories(logs);
            return new PrintWriter(new OutputStreamWriter(new RedactedOutput(new FileOutputStream(log(task).toFile(),
                    true)), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log of " + task, e);
        }
    }

    /** The work runs in this thread; a stop of the run interrupts it, and it reports what it waited for. */
    @Override
    public int remote(String task, String description, String document, RemoteWork work) {
        refuseWhenStopping();
        Thread self = Thread.currentThread();
        remote.add(self);
        try (PrintWriter log = open(task)) {
            log.println("relengine: " + description);
            log.flush();
            return work.run(log);
        } catch (IOException e) {
            throw new TaskFailure(description + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailure(stopping != null ? stopping : description + ": interrupted", e);
        } finally {
            remote.remove(self);
            if (stopping == null) {
                Thread.interrupted();
            }
        }
    }

    @Override
    public int exec(String task, List<String> argv, String stdout) {
        refuseWhenStopping();
        // what the task spent waiting before counts: the command has what is left of the task's timeout
        String spent = waits.of(task).spentBefore(argv.get(0));
        if (spent != null) {
            note(task, "relengine: " + spent);
            throw new TaskFailure(spent);
        }
        Duration left = waits.left(task);
        try (PrintWriter log = open(task);
             TaskLogStream logStream = new TaskLogStream(log(task));
             OutputStream out = stdout == null ? null : Files.newOutputStream(created(Path.of(stdout)))) {
            log.println("$ " + ShellQuote.join(argv) + (stdout == null ? "" : " > " + ShellQuote.quote(stdout)));
            log.flush();
            CommandLine command = new CommandLine(argv.get(0));
            argv.subList(1, argv.size()).forEach(a -> command.addArgument(a, false));
            ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(left).get();
            DefaultExecutor executor = DefaultExecutor.builder().get();
            executor.setStreamHandler(new PumpStreamHandler(out == null ? logStream : out, logStream));
            executor.setWatchdog(watchdog);
            executor.setExitValues(null);
            int exit;
            running.add(watchdog);
            try {
                // a stop between the check above and here found no watchdog to kill: this command must not start
                refuseWhenStopping();
                exit = executor.execute(command);
            } catch (IOException e) {
                String message = e.getMessage() != null && e.getMessage().contains("Cannot run program")
                        ? argv.get(0) + ": command not found (relengine doctor lists what is missing)"
                        : e.toString();
                try (PrintWriter again = open(task)) {
                    again.println(message);
                }
                throw new TaskFailure(message, e);
            } finally {
                running.remove(watchdog);
            }
            if (stopping != null && watchdog.killedProcess()) {
                throw new TaskFailure(stopping);
            }
            if (watchdog.killedProcess()) {
                try (PrintWriter again = open(task)) {
                    again.println("relengine: killed after " + Durations.human(left)
                            + (left.equals(timeout) ? "" : ", when the task's timeout of "
                            + Durations.human(timeout) + " ran out"));
                }
                throw new TaskFailure(argv.get(0) + " ran longer than its timeout ("
                        + Durations.human(timeout) + ") and was killed");
            }
            String lost = logStream.lost();
            if (exit != 0 && lost != null) {
                // the exit status ends the reason, where the reports read it back
                throw new TaskFailure(lost + "; " + argv.get(0) + " exited with status " + exit);
            }
            return exit;
        } catch (IOException e) {
            throw new TaskFailure("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Kills the commands running now; every action from now on fails at once. */
    @Override
    public void stop(String why) {
        stopping = why;
        waits.stop(why);
        for (ExecuteWatchdog watchdog : running) {
            watchdog.destroyProcess();
        }
        remote.forEach(Thread::interrupt);
    }

    private void refuseWhenStopping() {
        if (stopping != null) {
            throw new TaskFailure("not started: " + stopping);
        }
    }

    private static Path created(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return file;
    }

    @Override
    public void makeDirectory(String task, String path) {
        refuseWhenStopping();
        try {
            Files.createDirectories(Path.of(path));
        } catch (IOException e) {
            throw new TaskFailure("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeFile(String task, String path, ProducerKey producer, String content, Map<String, String> params) {
        refuseWhenStopping();
        try {
            String text = content != null ? content : catalog.producer(producer).produce(params, Path.of(path),
                    producing);
            if (text == null) {
                return;
            }
            AtomicFiles.write(Path.of(path), text);
            try (PrintWriter log = open(task)) {
                log.println("wrote " + path + " (" + producer.description() + ")");
            }
        } catch (IOException e) {
            throw new TaskFailure("cannot write " + path + " (" + producer.description() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void symlink(String task, String link, String target) {
        refuseWhenStopping();
        try {
            AtomicFiles.link(Path.of(link), Path.of(target));
            try (PrintWriter log = open(task)) {
                log.println("linked " + link + " -> " + target);
            }
        } catch (IOException e) {
            throw new TaskFailure("cannot link " + link + " to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void note(String task, String line) {
        try (PrintWriter log = open(task)) {
            log.println(line);
        }
    }

    @Override
    public void internal(String task, OperationKey operation, String description, List<String> paths,
                         Map<String, String> params) {
        refuseWhenStopping();
        try (PrintWriter log = open(task)) {
            log.println("# " + description);
            try {
                catalog.operation(operation).run(params, log, new OperationContext(scratch, waits.of(task)));
            } catch (IOException e) {
                String reason = reason(e);
                log.println("relengine: " + reason);
                throw new TaskFailure(description + ": " + reason, e);
            } catch (TaskFailure e) {
                log.println("relengine: " + e.getMessage());
                throw e;
            }
        }
    }

    /** A fault of the file system as a person reads it: a full disk names the file it could not write. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && org.relengine.formats.NoSpace.caused(e,
                Path.of(fs.getFile() == null ? "." : fs.getFile()))) {
            return "no space left on device writing " + (fs.getOtherFile() != null ? fs.getOtherFile() : fs.getFile());
        }
        return e.getMessage();
    }

    /** A preview is a record of what the task changed; one that cannot be made does not stop the task. */
    @Override
    public void probe(String task, OperationKey operation, String description, Map<String, String> params) {
        try (PrintWriter log = open(task)) {
            log.println("? " + description);
            try {
                catalog.probe(operation).run(task, params).summary().forEach(log::println);
            } catch (IOException | TaskFailure e) {
                log.println("no preview: " + e.getMessage());
            }
        }
    }
}
