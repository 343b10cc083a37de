package org.relengine.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * Where the {@link OutputManifest} of every finished task is kept: {@code work/outputs/<task>.tsv}, one line
 * per path (type, size, modification time in ms, SHA-256 or {@code -}, link target or {@code -}, path), written
 * before the journal says the task is done. Paths and targets are escaped ({@code \t}, {@code \n},
 * {@code \\}) so that a name with a tab or a newline stays one field.
 */
public final class OutputRecords {

    private final Path dir;
    private final Set<Path> skipped;

    public OutputRecords(Plan plan) {
        Path compose = Path.of(plan.composeDir());
        Path work = compose.resolve("work");
        this.dir = work.resolve("outputs");
        // the run's own records change with every run; they are no task's output
        this.skipped = Set.of(compose.resolve("STATUS"), work.resolve("journal"), work.resolve("plan.json"),
                work.resolve("logs"), work.resolve("outputs"), work.resolve("tmp"), work.resolve("lock"),
                work.resolve("dnf"));
    }

    /**
     * Records what the task left at its outputs now.
     *
     * @throws StateWriteFault when the record cannot be written (a full disk): the run must stop
     */
    public void save(Task task) throws IOException {
        List<OutputManifest.Entry> entries = OutputManifest.of(task.outputs(), skipped);
        StringBuilder text = new StringBuilder();
        for (OutputManifest.Entry e : entries) {
            text.append(e.type()).append('\t').append(e.size()).append('\t').append(e.mtime()).append('\t')
                    .append(e.sha256() == null ? "-" : e.sha256()).append('\t')
                    .append(e.target() == null ? "-" : escape(e.target())).append('\t').append(escape(e.path()))
                    .append('\n');
        }
        StateFiles.write(file(task.id()), text.toString());
    }

    /** What the task left when it last finished; null when nothing was recorded (or the record is damaged). */
    public List<OutputManifest.Entry> load(String task) {
        Path file = file(task);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<OutputManifest.Entry> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                if (f.length != 6 || f[0].length() != 1) {
                    return null;
                }
                entries.add(new OutputManifest.Entry(unescape(f[5]), f[0].charAt(0), Long.parseLong(f[1]),
                        Long.parseLong(f[2]), f[3].equals("-") ? null : f[3], f[4].equals("-") ? null : unescape(f[4])));
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return entries;
    }

    private Path file(String task) {
        return dir.resolve(task.replace('/', '_') + ".tsv");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
