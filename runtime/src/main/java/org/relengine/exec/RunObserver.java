package org.relengine.exec;

import java.nio.file.Path;
import java.util.function.Function;
import org.relengine.plan.Plan;

/**
 * Follows a run from outside the scheduler: what the user sees while it runs, and what the reports are made
 * of afterwards. Observers are told of each state change in order, from the scheduling thread.
 */
public interface RunObserver extends Scheduler.Listener {

    /** Before the first task starts; {@code logs} names the log file of a task, by id. */
    default void started(Plan plan, Function<String, Path> logs) {
    }

    /** After the last task ended, before the run's closing summary is printed. */
    default void finished() {
    }
}
