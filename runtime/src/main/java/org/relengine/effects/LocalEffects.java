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
import org.relengine.exec.TaskFailure;
import org.relengine.formats.AtomicFiles;
import org.relengine.plan.ShellQuote;
import org.relengine.secrets.RedactedOutput;
import org.relengine.steps.Operations;
import org.relengine.steps.Probes;
import org.relengine.steps.Producers;

/**
 * The real effects: processes through Apache Commons Exec as argv (never a shell), with a timeout and
 * their output streamed to the task's own log; files written to a temporary name and renamed into place;
 * links replaced atomically. Every line of a log, a tool's output included, has its secrets hidden
 * ({@link RedactedOutput}).
 */
public final class LocalEffects implements Effects {

    private final Path logs;
    private final Duration timeout;
    private final Producers producers;
    private final Operations operations;

    public LocalEffects(Path logs, Duration timeout, Producers producers, Operations operations) {
        this.logs = logs;
        this.timeout = timeout;
        this.producers = producers;
        this.operations = operations;
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

    @Override
    public int exec(String task, List<String> argv, String stdout) {
        try (PrintWriter log = open(task);
             OutputStream logStream = new RedactedOutput(new FileOutputStream(log(task).toFile(), true));
             OutputStream out = stdout == null ? null : Files.newOutputStream(created(Path.of(stdout)))) {
            log.println("$ " + ShellQuote.join(argv) + (stdout == null ? "" : " > " + ShellQuote.quote(stdout)));
            log.flush();
            CommandLine command = new CommandLine(argv.get(0));
            argv.subList(1, argv.size()).forEach(a -> command.addArgument(a, false));
            ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
            DefaultExecutor executor = DefaultExecutor.builder().get();
            executor.setStreamHandler(new PumpStreamHandler(out == null ? logStream : out, logStream));
            executor.setWatchdog(watchdog);
            executor.setExitValues(null);
            int exit;
            try {
                exit = executor.execute(command);
            } catch (IOException e) {
                String message = e.getMessage() != null && e.getMessage().contains("Cannot run program")
                        ? argv.get(0) + ": command not found (relengine doctor lists what is missing)"
                        : e.toString();
                try (PrintWriter again = open(task)) {
                    again.println(message);
                }
                throw new TaskFailure(message, e);
            }
            if (watchdog.killedProcess()) {
                try (PrintWriter again = open(task)) {
                    again.println("relengine: killed after " + org.relengine.exec.ComposeRun.human(timeout));
                }
                throw new TaskFailure(argv.get(0) + " ran longer than its timeout ("
                        + org.relengine.exec.ComposeRun.human(timeout) + ") and was killed");
            }
            return exit;
        } catch (IOException e) {
            throw new TaskFailure("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    private static Path created(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return file;
    }

    @Override
    public void makeDirectory(String task, String path) {
        try {
            Files.createDirectories(Path.of(path));
        } catch (IOException e) {
            throw new TaskFailure("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeFile(String task, String path, String producer, String content, Map<String, String> params) {
        try {
            String text = content != null ? content : producers.produce(producer, params, Path.of(path));
            if (text == null) {
                return;
            }
            AtomicFiles.write(Path.of(path), text);
            try (PrintWriter log = open(task)) {
                log.println("wrote " + path + " (" + producer + ")");
            }
        } catch (IOException e) {
            throw new TaskFailure("cannot write " + path + " (" + producer + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void symlink(String task, String link, String target) {
        try {
            Operations.link(Path.of(link), Path.of(target));
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
    public void internal(String task, String operation, String description, List<String> paths,
                         Map<String, String> params) {
        try (PrintWriter log = open(task)) {
            log.println("# " + description);
            operations.run(operation, params, log);
        } catch (IOException e) {
            throw new TaskFailure(description + ": " + e.getMessage(), e);
        }
    }

    /** A preview is a record of what the task changed; one that cannot be made does not stop the task. */
    @Override
    public void probe(String task, String operation, String description, Map<String, String> params) {
        try (PrintWriter log = open(task)) {
            log.println("? " + description);
            try {
                Probes.run(task, operation, params).summary().forEach(log::println);
            } catch (IOException | TaskFailure e) {
                log.println("no preview: " + e.getMessage());
            }
        }
    }
}
