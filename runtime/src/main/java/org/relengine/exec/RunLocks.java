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

    /** @param breakLock also take over locks held on another host (see {@link RunLock#acquire}) */
    static RunLocks take(Plan plan, String command, boolean breakLock) throws RunLock.Locked {
        List<RunLock> held = new ArrayList<>();
        RunLock.Holder me = RunLock.Holder.self(command);
        try {
            held.add(RunLock.acquire(Path.of(plan.composeDir(), "work", "lock"), "the compose " + plan.composeDir(),
                    me, breakLock));
            if (plan.task("stage").isPresent() && plan.targets().containsKey("staging")) {
                String staging = plan.targets().get("staging");
                held.add(RunLock.acquire(RunLock.forTarget(staging), "the staging target " + staging, me, breakLock));
            }
            if ((plan.task("promote").isPresent() || plan.task("filelists").isPresent())
                    && plan.targets().containsKey("production")) {
                String production = plan.targets().get("production");
                held.add(RunLock.acquire(RunLock.forTarget(production), "the production target " + production,
                        me, breakLock));
            }
            return new RunLocks(held);
        } catch (RunLock.Locked | RuntimeException e) {
            new RunLocks(held).close();
            throw e;
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
