package org.relengine.steps.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.relengine.process.Processes;
import org.relengine.plan.spi.TaskFailure;

/**
 * What a publish sync would change in its target, as rsync itself says in a read-only dry run: every file
 * that would be new, changed or deleted, by top-level directory of the target. Nothing is created, not even
 * a missing target. Entries are in path order. The publish guard counts its deletions from the same preview.
 *
 * @param sourceExists false when there is nothing to sync yet (a dry run before the compose); then
 *                     {@code entries} is empty
 */
public record PublishPreview(String task, String source, String target, boolean sourceExists, List<Entry> entries)
        implements org.relengine.plan.spi.Probe.Result {

    public enum Change {
        NEW, CHANGED, DELETED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One file (not a directory) of the target; {@code dir} is its top-level directory, "." at the top. */
    public record Entry(String path, Change change, String dir) {
    }

    /** How many files of a directory would be new, changed and deleted. */
    public record Counts(int added, int changed, int deleted) {
        Counts plus(Change change) {
            return switch (change) {
                case NEW -> new Counts(added + 1, changed, deleted);
                case CHANGED -> new Counts(added, changed + 1, deleted);
                case DELETED -> new Counts(added, changed, deleted + 1);
            };
        }
    }

    public PublishPreview {
        entries = List.copyOf(entries);
    }

    /** Runs rsync's dry run of {@code sync}; an absent source is reported, not an error. */
    public static PublishPreview of(String task, Rsync.Sync sync) throws IOException {
        if (!Files.isDirectory(Path.of(sync.from()))) {
            return new PublishPreview(task, sync.from(), sync.to(), false, List.of());
        }
        List<String> argv = sync.previewArgv();
        Processes.Captured dryRun;
        try {
            dryRun = Processes.capture(null, argv, Duration.ofMinutes(30));
        } catch (IOException e) {
            throw new TaskFailure("rsync: command not found (relengine doctor lists what is missing)", e);
        }
        if (dryRun.exit() != 0) {
            throw new TaskFailure("rsync --dry-run of " + sync.from() + " into " + sync.to() + " failed: "
                    + dryRun.output().strip().lines().findFirst().orElse("exit status " + dryRun.exit()));
        }
        List<Entry> entries = new ArrayList<>(parse(dryRun.output()));
        entries.sort(java.util.Comparator.comparing(Entry::path));
        return new PublishPreview(task, sync.from(), sync.to(), true, entries);
    }

    /**
     * Reads {@code --itemize-changes --out-format='%i %n'}: eleven columns of flags, a space, the path.
     * Directories are left out: a preview counts files. All-{@code +} flags mean the file is new.
     */
    static List<Entry> parse(String output) {
        List<Entry> entries = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.length() < 13 || line.charAt(11) != ' ') {
                continue;
            }
            String flags = line.substring(0, 11);
            String path = line.substring(12);
            Change change;
            if (flags.startsWith("*deleting")) {
                if (path.endsWith("/")) {
                    continue;
                }
                change = Change.DELETED;
            } else if ("<>ch.".indexOf(flags.charAt(0)) >= 0 && "fLDS".indexOf(flags.charAt(1)) >= 0) {
                change = flags.substring(2).chars().allMatch(c -> c == '+') ? Change.NEW : Change.CHANGED;
            } else {
                continue;
            }
            int slash = path.indexOf('/');
            entries.add(new Entry(path, change, slash < 0 ? "." : path.substring(0, slash)));
        }
        return entries;
    }

    /** Per top-level directory, in name order. */
    public Map<String, Counts> counts() {
        Map<String, Counts> counts = new TreeMap<>();
        for (Entry entry : entries) {
            counts.put(entry.dir(), counts.getOrDefault(entry.dir(), new Counts(0, 0, 0)).plus(entry.change()));
        }
        return counts;
    }

    public Counts total() {
        Counts total = new Counts(0, 0, 0);
        for (Entry entry : entries) {
            total = total.plus(entry.change());
        }
        return total;
    }

    public long deletions() {
        return entries.stream().filter(e -> e.change() == Change.DELETED).count();
    }

    /** For people: a heading, then one aligned line per directory. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        if (!sourceExists) {
            lines.add("preview of " + target + ": nothing to compare, " + source + " does not exist yet");
            return lines;
        }
        Counts total = total();
        if (entries.isEmpty()) {
            lines.add("preview of " + target + ": no file would change");
            return lines;
        }
        lines.add("preview of " + target + (Files.isDirectory(Path.of(target)) ? "" : " (not there yet)") + ": "
                + total.added() + " new, " + total.changed() + " changed, " + total.deleted() + " deleted");
        Map<String, Counts> counts = counts();
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(1);
        counts.forEach((dir, c) -> lines.add(String.format("  %-" + width + "s  new %d  changed %d  deleted %d", dir,
                c.added(), c.changed(), c.deleted())));
        return lines;
    }
}
