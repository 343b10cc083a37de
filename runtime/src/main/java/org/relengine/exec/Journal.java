package org.relengine.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compose's journal ({@code work/journal}): one JSON line per run start and per task state change,
 * appended and synced as it happens, so that what a run did survives the run, even a {@code kill -9}.
 * A task counts as finished only when a {@code done} line says so; its ingredients are on that line, which
 * is what {@code --resume} and {@code explain} compare against.
 */
public final class Journal {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One task line: its state, when, and (for a finished task) the ingredients of its hash. */
    public record Entry(Instant time, String task, String state, Integer exit, String reason, String hash,
                        Map<String, String> ingredients, int run) {
    }

    /** Everything a journal holds: the task lines in order, and how many runs wrote it. */
    /**
     * @param damaged a line per journal line that could not be read and was skipped, naming it and why
     */
    public record History(List<Entry> entries, int runs, List<String> damaged) {

        public History(List<Entry> entries, int runs) {
            this(entries, runs, List.of());
        }

        /** The last state of every task, in the order tasks first appear. */
        public Map<String, String> states() {
            Map<String, String> states = new LinkedHashMap<>();
            entries.forEach(e -> states.put(e.task(), e.state()));
            return states;
        }

        /** The last line that says the task finished (done or reused), or null. */
        public Entry finished(String task) {
            Entry last = null;
            for (Entry e : entries) {
                if (e.task().equals(task)) {
                    if (e.state().equals(TaskState.DONE.word()) || e.state().equals(TaskState.REUSED.word())) {
                        last = e;
                    } else if (e.state().equals(TaskState.FAILED.word())
                            || e.state().equals(TaskState.RETRYING.word())) {
                        // a failed attempt may have changed the outputs an earlier run left
                        last = null;
                    }
                }
            }
            return last;
        }

        /** What a finished compose's STATUS says: FINISHED_INCOMPLETE when some task's last attempt failed. */
        public String finishedStatus() {
            return states().containsValue(TaskState.FAILED.word()) ? "FINISHED_INCOMPLETE" : "FINISHED";
        }

        /** The lines of one task, oldest first. */
        public List<Entry> of(String task) {
            return entries.stream().filter(e -> e.task().equals(task)).toList();
        }
    }

    private final Path file;

    /** Whether {@link #endsMidLine} looked already. */
    private boolean endChecked;

    public Journal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Marks the start of a run, so that timings and states can be told apart per run. */
    public synchronized void start(long pid, boolean resume) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("event", "run");
        line.put("pid", pid);
        line.put("resume", resume);
        append(line);
    }

    public void record(String task, TaskState state, Integer exit, String log, String reason) {
        record(task, state, exit, log, reason, null);
    }

    public synchronized void record(String task, TaskState state, Integer exit, String log, String reason,
                                    TaskIngredients ingredients) {
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
        if (ingredients != null) {
            line.put("hash", ingredients.hash());
            line.set("ingredients", JSON.valueToTree(ingredients.parts()));
        }
        append(line);
    }

    /**
     * Appends a line whole or not at all: a write the disk has no room for is cut back to where the journal
     * ended, so that a full disk never leaves a torn line for the next run to skip.
     *
     * @throws StateWriteFault when the line cannot be written
     */
    private void append(ObjectNode line) {
        try {
            Files.createDirectories(file.getParent());
            // a line a crash cut short must not swallow the next run's first line
            String prefix = endsMidLine() ? "\n" : "";
            ByteBuffer bytes = ByteBuffer.wrap((prefix + line + "\n").getBytes(StandardCharsets.UTF_8));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC)) {
                long end = channel.size();
                try {
                    channel.position(end);
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                } catch (IOException e) {
                    // shrinking needs no space: the journal ends where it did before this line
                    channel.truncate(end);
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new StateWriteFault(file, e);
        }
    }

    /** Whether the journal's last byte is not a line end: only once per journal, since this run ends its lines. */
    private boolean endsMidLine() throws IOException {
        if (endChecked) {
            return false;
        }
        endChecked = true;
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }

    /**
     * Reads a journal. A line cut short by a crash (the last one, unparseable) is ignored: what it would
     * have said did not happen as far as any later run is concerned. Any other line that cannot be read (not
     * UTF-8, not JSON, a time that is no time) is skipped and named in {@link History#damaged}, so that one
     * damaged byte never keeps a compose from being shown or resumed.
     */
    public static History read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        int runs = 0;
        if (!Files.exists(file)) {
            return new History(entries, 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> lines = lines(bytes);
        for (int i = 0; i < lines.size(); i++) {
            boolean torn = i == lines.size() - 1 && bytes.length > 0 && bytes[bytes.length - 1] != '\n';
            String line;
            try {
                line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(lines.get(i))).toString();
            } catch (CharacterCodingException e) {
                damaged.add("line " + (i + 1) + ": not UTF-8 text");
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                if (!torn) {
                    damaged.add("line " + (i + 1) + ": not a JSON object");
                }
                continue;
            }
            if (node.has("event")) {
                runs++;
                continue;
            }
            if (!node.has("task") || !node.has("state")) {
                continue;
            }
            Instant time;
            try {
                time = Instant.parse(node.path("time").asText());
            } catch (java.time.format.DateTimeParseException e) {
                damaged.add("line " + (i + 1) + ": its time `" + node.path("time").asText() + "` is not a time");
                continue;
            }
            Map<String, String> ingredients = null;
            if (node.has("ingredients")) {
                ingredients = new TreeMap<>();
                Map<String, String> parts = ingredients;
                node.get("ingredients").fields().forEachRemaining(f -> parts.put(f.getKey(), f.getValue().asText()));
            }
            entries.add(new Entry(time, node.path("task").asText(),
                    node.path("state").asText(), node.has("exit") ? node.get("exit").asInt() : null,
                    node.has("reason") ? node.get("reason").asText() : null,
                    node.has("hash") ? node.get("hash").asText() : null, ingredients, Math.max(runs, 1)));
        }
        return new History(entries, runs, List.copyOf(damaged));
    }

    /** The lines of a file as bytes, without their line ends; a last line without one is a line too. */
    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start || i < bytes.length) {
                    lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** The last recorded state of every task. */
    public static Map<String, String> states(Path file) throws IOException {
        return read(file).states();
    }
}
