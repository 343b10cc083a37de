package org.relengine.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    static RunLocks take(Plan plan, String command, boolean breakStale) throws RunLock.Locked {
        List<RunLock> held = new ArrayList<>();
        try {
            held.add(RunLock.acquire(Path.of(plan.composeDir(), "work", "lock"), "the compose " + plan.composeDir(),
                    command, breakStale));
            if (plan.task("stage").isPresent() && plan.targets().containsKey("staging")) {
                String staging = plan.targets().get("staging");
                held.add(RunLock.acquire(RunLock.forTarget(staging), "the staging target " + staging, command,
                        breakStale));
            }
            if ((plan.task("promote").isPresent() || plan.task("filelists").isPresent())
                    && plan.targets().containsKey("production")) {
                String production = plan.targets().get("production");
                held.add(RunLock.acquire(RunLock.forTarget(production), "the production target " + production,
                        command, breakStale));
            }
            return new RunLocks(held);
        } catch (RunLock.Locked | RuntimeException e) {
            new RunLocks(held).close();
            throw e;
        }
    }

    /** The stale holders taken over, described. */
    List<String> broken() {
        return held.stream().flatMap(l -> l.broken().stream().map(h -> h.describe() + " (" + l.file() + ")")).toList();
    }

    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).close();
        }
    }
}
