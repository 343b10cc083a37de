package org.relengine.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.relengine.process.Processes;

/**
 * The version of each program a task runs, asked once per run: the first line of {@code tool --version},
 * or, for a program that has no such option, its path, size and modification time on PATH (an upgrade
 * changes them). A program that is not installed is "not installed", which still hashes.
 */
public final class ToolVersions {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    public String of(String tool) {
        String known = versions.get(tool);
        if (known != null) {
            return known;
        }
        String version = ask(tool);
        versions.put(tool, version);
        return version;
    }

    private static String ask(String tool) {
        Path binary = Processes.onPath(tool);
        if (binary == null) {
            return "not installed";
        }
        try {
            Processes.Captured run = Processes.captureOutput(List.of(tool, "--version"), TIMEOUT);
            if (run.exit() == 0) {
                String first = run.output().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                        .orElse("");
                if (!first.isEmpty()) {
                    return first;
                }
            }
        } catch (IOException e) {
            // falls through to the file's identity
        }
        try {
            return binary + " (" + Files.size(binary) + " bytes, modified " + Files.getLastModifiedTime(binary) + ")";
        } catch (IOException e) {
            return binary.toString();
        }
    }
}
