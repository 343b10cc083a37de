package org.relengine.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.plan.Plan;

/**
 * The locks a run holds: its compose directory ({@code work/lock}) and every publish target it writes
 * (staging when it stages, production when it promotes or writes file lists). All are taken before
 * anything changes, or none is.
 */
final class RunLocks implements AutoCloseable {

    private final List<RunLock> held;

    private RunLocks(List<RunLock> held) {
        this.held = held;
    }

    /** A lock a run needs: its file, and what it guards, in the run's words. */
    private record Wanted(Path file, String what) {
    }

    /** @param breakLock also take over locks held on another host (see {@link RunLock#acquire}) */
    static RunLocks take(Plan plan, String command, boolean breakLock) throws RunLock.Locked {
        List<RunLock> held = new ArrayList<>();
        RunLock.Holder me = RunLock.Holder.self(command);
        List<Wanted> wanted = wanted(plan);
        // taking a lock makes its directories; a refused run leaves none of them behind
        List<Path> made = new ArrayList<>();
        wanted.forEach(w -> firstMissing(w.file().getParent()).ifPresent(made::add));
        try {
            for (Wanted lock : wanted) {
                held.add(RunLock.acquire(lock.file(), lock.what(), me, breakLock));
            }
            return new RunLocks(held);
        } catch (RunLock.Locked | RuntimeException e) {
            new RunLocks(held).close();
            made.forEach(RunLocks::removeEmpty);
            throw e;
        }
    }

    private static List<Wanted> wanted(Plan plan) {
        List<Wanted> wanted = new ArrayList<>();
        wanted.add(new Wanted(Path.of(plan.composeDir(), "work", "lock"), "the compose " + plan.composeDir()));
        for (String target : List.of("staging", "production")) {
            if (plan.writes(target)) {
                String dir = plan.targets().get(target);
                wanted.add(new Wanted(RunLock.forTarget(dir), "the " + target + " target " + dir));
            }
        }
        return wanted;
    }

    /** The outermost directory on the way to {@code dir} that does not exist yet. */
    private static java.util.Optional<Path> firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir.toAbsolutePath(); p != null && !java.nio.file.Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return java.util.Optional.ofNullable(missing);
    }

    /** Removes a directory tree this run created, as long as nothing but empty directories is in it. */
    private static void removeEmpty(Path top) {
        try (var walk = java.nio.file.Files.walk(top)) {
            List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            if (all.stream().allMatch(java.nio.file.Files::isDirectory)) {
                for (Path p : all) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
        } catch (java.io.IOException e) {
            // what cannot be removed stays: an empty directory harms nothing
        }
    }

    /**
     * What was taken over, a line per earlier holder naming everything it held: a killed run leaves its compose
     * and each of its targets locked, and one line says they are taken over.
     */
    List<String> takeovers() {
        Map<RunLock.Takeover, RunLock.Takeover> first = new LinkedHashMap<>();
        Map<RunLock.Takeover, List<String>> what = new HashMap<>();
        held.forEach(lock -> lock.takeover().ifPresent(t -> {
            first.putIfAbsent(t.ofRun(), t);
            what.computeIfAbsent(t.ofRun(), k -> new ArrayList<>()).add(lock.what());
        }));
        return first.entrySet().stream().map(e -> e.getValue().notice(what.get(e.getKey()))).toList();
    }

    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).close();
        }
    }
}
