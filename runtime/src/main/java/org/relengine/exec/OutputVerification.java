package org.relengine.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.relengine.plan.Action;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * Whether what earlier runs recorded at the tasks' outputs ({@link OutputRecords}) is still there, as it was:
 * a deleted package, a truncated disc or an edited metadata file makes the task that made it run again.
 *
 * <p>Every recorded path belongs to the task that gave it its content: a later task that recorded the same
 * path in the same state (a boot tree grafted into a synced tree) does not take it over; one that changed it
 * does. A file a later task moved by one of its directory moves (the old path gone) stays its maker's, so a
 * truncated disc in the compose makes the task that built it run again, not only the one that moved it.
 * Quick verification compares types, sizes, link targets and times, and hashes a file whose time changed
 * when its digest was recorded; full verification hashes every file whose digest was recorded.
 */
public final class OutputVerification {

    private static final int SHOWN = 5;

    /** A recorded path: who gave it its content, and who recorded it last. */
    private record Owned(OutputManifest.Entry entry, String owner, String recorder) {
    }

    private final Plan plan;
    private final Journal.History history;
    private final OutputRecords records;
    private final boolean full;
    private final Map<String, List<String>> readers = new HashMap<>();
    private Map<String, List<String>> reasons;

    public OutputVerification(Plan plan, Journal.History history, OutputRecords records, boolean full) {
        this.plan = plan;
        this.history = history;
        this.records = records;
        this.full = full;
        plan.tasks().forEach(t -> t.dependsOn().forEach(d -> readers.computeIfAbsent(d, k -> new ArrayList<>())
                .add(t.id())));
    }

    /** Whether the task's outputs were recorded when it last finished; if not, only their existence is checked. */
    public synchronized boolean recorded(String task) {
        return verified().containsKey(task);
    }

    /** Why the task must run again because of what happened to its outputs; empty when they are as recorded. */
    public synchronized List<String> reasons(String task) {
        return verified().getOrDefault(task, List.of());
    }

    private Map<String, List<String>> verified() {
        if (reasons == null) {
            try {
                reasons = verify();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot check the outputs earlier runs recorded", e);
            }
        }
        return reasons;
    }

    private Map<String, List<String>> verify() throws IOException {
        Map<String, Owned> latest = new LinkedHashMap<>();
        Map<String, List<String>> found = new LinkedHashMap<>();
        // task whose outputs a later task moved on → the tasks that moved them
        Map<String, java.util.Set<String>> movedBy = new HashMap<>();
        for (String task : finishOrder()) {
            List<OutputManifest.Entry> manifest = records.load(task);
            if (manifest == null) {
                continue;
            }
            found.put(task, new ArrayList<>());
            for (OutputManifest.Entry e : manifest) {
                Owned before = latest.get(e.path());
                String owner = task;
                if (before != null) {
                    owner = before.entry().sameState(e) ? before.owner() : task;
                } else {
                    Owned from = movedFrom(task, e, latest);
                    if (from != null) {
                        latest.remove(from.entry().path());
                        owner = from.owner();
                        movedBy.computeIfAbsent(from.recorder(), k -> new java.util.TreeSet<>()).add(task);
                    }
                }
                latest.put(e.path(), new Owned(e, owner, task));
            }
        }
        for (Owned owned : latest.values()) {
            String reason = check(owned);
            if (reason != null) {
                found.computeIfAbsent(owned.owner(), k -> new ArrayList<>()).add(reason);
            }
        }
        // a task that runs again reads what the tasks it follows left where they left it: one whose outputs a
        // third task moved on must make them again
        for (boolean more = true; more; ) {
            more = false;
            for (String task : List.copyOf(found.keySet())) {
                if (found.get(task).isEmpty()) {
                    continue;
                }
                for (String d : plan.task(task).map(Task::dependsOn).orElse(List.of())) {
                    // the task that moved them finds them where it put them
                    if (movedBy.containsKey(d) && !movedBy.get(d).contains(task) && found.containsKey(d)
                            && found.get(d).isEmpty()) {
                        found.get(d).add("its outputs were moved on by " + String.join(", ", movedBy.get(d)) + ", and "
                                + task + ", which reads them, runs again");
                        more = true;
                    }
                }
            }
        }
        found.replaceAll((task, list) -> list.size() <= SHOWN ? list : shortened(list));
        return found;
    }

    /**
     * What {@code entry} was before {@code task} moved it there, by one of its directory moves: the entry
     * recorded at the same place under the move's source, now gone from there; null when it was not moved.
     */
    private Owned movedFrom(String task, OutputManifest.Entry entry, Map<String, Owned> latest) {
        for (Action action : plan.task(task).map(Task::actions).orElse(List.of())) {
            if (action instanceof Action.Internal internal && internal.moves()) {
                String to = internal.params().get("to") + "/";
                if (entry.path().startsWith(to)) {
                    String before = internal.params().get("from") + "/" + entry.path().substring(to.length());
                    Owned from = latest.get(before);
                    if (from != null && !Files.exists(Path.of(before), LinkOption.NOFOLLOW_LINKS)) {
                        return from;
                    }
                }
            }
        }
        return null;
    }

    private static List<String> shortened(List<String> list) {
        List<String> out = new ArrayList<>(list.subList(0, SHOWN));
        out.add("… and " + (list.size() - SHOWN) + " more of its outputs changed");
        return out;
    }

    private String check(Owned owned) throws IOException {
        OutputManifest.Entry was = owned.entry();
        Path path = Path.of(was.path());
        OutputManifest.Entry now = OutputManifest.current(path, false);
        if (now == null) {
            return excused(owned.owner()) ? null : "its output " + path + " is gone";
        }
        if (now.type() != was.type()) {
            return "its output " + path + " is no longer a " + (was.type() == 'l' ? "symbolic link" : "file");
        }
        if (was.type() == 'l') {
            return Objects.equals(now.target(), was.target()) ? null
                    : "its output " + path + " points to " + now.target() + ", not " + was.target();
        }
        if (now.size() != was.size()) {
            return "its output " + path + " changed size: " + was.size() + " bytes when it finished, " + now.size()
                    + " now";
        }
        // whole seconds, as rsync and hardlink compare them: hardlink may keep an identical twin whose time
        // differs below the second
        boolean touched = now.seconds() != was.seconds();
        if (was.sha256() != null && (touched || full)) {
            return OutputManifest.sha256(path).equals(was.sha256()) ? null
                    : "its output " + path + " changed content (SHA-256 differs from the one recorded)";
        }
        return touched ? "its output " + path + " was modified after it finished" : null;
    }

    /** A task that reads the outputs started in an earlier run and has not finished: it may have moved them. */
    private boolean excused(String owner) {
        return readers.getOrDefault(owner, List.of()).stream()
                .anyMatch(r -> !history.of(r).isEmpty() && history.finished(r) == null);
    }

    /** The finished tasks, in the order of the journal lines that said they were done. */
    private List<String> finishOrder() {
        Map<String, Integer> done = new HashMap<>();
        List<Journal.Entry> entries = history.entries();
        for (int i = 0; i < entries.size(); i++) {
            Journal.Entry e = entries.get(i);
            if (e.task() == null) {
                continue;
            }
            if (e.state().equals(TaskState.DONE.word())) {
                done.put(e.task(), i);
            } else if (e.state().equals(TaskState.FAILED.word()) || e.state().equals(TaskState.RETRYING.word())) {
                done.remove(e.task());
            }
        }
        return done.entrySet().stream().filter(e -> plan.task(e.getKey()).isPresent())
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }
}
