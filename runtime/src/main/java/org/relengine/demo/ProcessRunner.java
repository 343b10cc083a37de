package org.relengine.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs the tools that build the demo's fixtures (rpmbuild, createrepo_c, xorriso): argv, no shell. */
final class ProcessRunner {

    private ProcessRunner() {
    }

    static String run(Path dir, List<String> argv) throws IOException {
        CommandLine command = new CommandLine(argv.get(0));
        argv.subList(1, argv.size()).forEach(a -> command.addArgument(a, false));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(dir.toFile()).get();
        executor.setStreamHandler(new PumpStreamHandler(output));
        executor.setExitValues(null);
        int exit = executor.execute(command);
        String text = output.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IOException(String.join(" ", argv) + " exited with " + exit + ":\n" + text);
        }
        return text;
    }
}
