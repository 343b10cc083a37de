package org.relengine.plan.spi;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A read-only look at the trees a task is about to change; dry runs perform it too. */
@FunctionalInterface
public interface Probe {

    Result run(String task, Map<String, String> params) throws IOException;

    /** The programs it runs, for the set of programs a plan needs. */
    default List<String> programs() {
        return List.of();
    }

    /** What a probe found: lines for the log and the dry run. */
    interface Result {
        List<String> summary();
    }
}
