package org.relengine.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compose's journal ({@code work/journal}): one JSON line per task state change, appended and
 * flushed as it happens, so that what a run did survives the run. Resume builds on it.
 */
public final class Journal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public Journal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void record(String task, TaskState state, Integer exit, String log, String reason) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("task", task);
        line.put("state", state.word());
        if (exit != null) {
            line.put("exit", exit);
        }
        if (log != null) {
            line.put("log", log);
        }
        if (reason != null) {
            line.put("reason", reason);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    /** The last recorded state of every task. */
    public static Map<String, String> states(Path file) throws IOException {
        Map<String, String> states = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return states;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            var node = JSON.readTree(line);
            states.put(node.path("task").asText(), node.path("state").asText());
        }
        return states;
    }
}
