package org.relengine.plan.spi;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/** Work a task does in Java, registered under its {@link org.relengine.plan.OperationKey} by its step unit. */
@FunctionalInterface
public interface Operation {

    /**
     * @param params what the plan gives it
     * @param log    the task's log: each operation says there what it did
     * @throws TaskFailure in the user's words when the work cannot be done
     */
    void run(Map<String, String> params, PrintWriter log, OperationContext context) throws IOException;

    /**
     * Whether its work runs in a pool of relengine's own, bounded there (the sync engine's downloads): a task
     * made of such work waits on that pool, and takes none of the run's {@code --jobs} slots.
     */
    default boolean pooled() {
        return false;
    }

    /** The programs it runs with these parameters, for the set of programs a plan needs. */
    default java.util.List<String> programs(Map<String, String> params) {
        return java.util.List.of();
    }
}
