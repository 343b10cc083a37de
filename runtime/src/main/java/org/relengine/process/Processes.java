package org.relengine.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Short processes whose output relengine reads itself (tool versions, rsync's read-only dry runs, the
 * demo's fixture builds): argv through Apache Commons Exec, never a shell, output captured.
 */
public final class Processes {

    /** A finished process: its exit status and its standard output and error, interleaved. */
    public record Captured(int exit, String output) {
    }

    private Processes() {
    }

    /** Where a program is found on PATH, as a process started by its name would find it; null if nowhere. */
    public static Path onPath(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return java.nio.file.Files.isExecutable(path) ? path : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (java.nio.file.Files.isExecutable(candidate) && !java.nio.file.Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }

    /** @throws IOException when the program cannot be started (not installed) */
    public static Captured capture(Path dir, List<String> argv, Duration timeout) throws IOException {
        return capture(dir, argv, timeout, true);
    }

    /**
     * Standard output alone: for what a program prints for relengine to read, where its interleaving
     * with the error stream would differ from run to run.
     */
    public static Captured captureOutput(List<String> argv, Duration timeout) throws IOException {
        return capture(null, argv, timeout, false);
    }

    private static Captured capture(Path dir, List<String> argv, Duration timeout, boolean withErrors)
            throws IOException {
        CommandLine command = new CommandLine(argv.get(0));
        argv.subList(1, argv.size()).forEach(a -> command.addArgument(a, false));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        DefaultExecutor.Builder<?> builder = DefaultExecutor.builder();
        if (dir != null) {
            builder.setWorkingDirectory(dir.toFile());
        }
        DefaultExecutor executor = builder.get();
        executor.setStreamHandler(withErrors ? new PumpStreamHandler(output)
                : new PumpStreamHandler(output, java.io.OutputStream.nullOutputStream()));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(timeout).get());
        executor.setExitValues(null);
        int exit = executor.execute(command);
        return new Captured(exit, output.toString(StandardCharsets.UTF_8));
    }
}
