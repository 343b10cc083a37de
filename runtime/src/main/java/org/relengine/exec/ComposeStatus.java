package org.relengine.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * The compose's {@code STATUS} file, kept to what is true of the compose itself. It says STARTED only once
 * a compose task really changes the compose, not when a run merely begins, and DOOMED only when a
 * required compose task failed: a run that resumes a FINISHED compose to publish it, and a stage or
 * promote that failed or was killed, leave a FINISHED compose FINISHED, so the next attempt may publish it.
 */
final class ComposeStatus {

    private final Path file;
    private final Path journal;
    private final boolean compose;
    private boolean touched;
    private boolean settledForPublishing;

    ComposeStatus(Plan plan, Path journal) {
        this.file = Path.of(plan.composeDir()).resolve("STATUS");
        this.journal = journal;
        this.compose = plan.scope().compose();
    }

    /**
     * Before a task's first action: a compose task makes the compose STARTED until the run settles it. The first
     * publish task of a run that changed the compose without finalizing it (an update) settles it first: publish
     * tasks start once every compose task has ended, and a delete-sync publishes only a FINISHED compose.
     */
    synchronized void performing(Task task) {
        if (!compose) {
            return;
        }
        if (task.kind().publishes()) {
            if (touched && !settledForPublishing) {
                settledForPublishing = true;
                try {
                    StateFiles.status(file, finished());
                } catch (IOException e) {
                    throw new StateWriteFault(journal, e);
                }
            }
            return;
        }
        if (touched) {
            return;
        }
        touched = true;
        StateFiles.status(file, "STARTED\n");
    }

    /**
     * After the last task: DOOMED when a required compose task failed, or when the run stopped (it could not
     * record what it did) after it had changed the compose; otherwise, when this run changed the compose and
     * no finalize of this run wrote its state, what the journal says of the compose.
     *
     * @param required the failed tasks that were not failable
     * @throws StateWriteFault when STATUS cannot be written
     */
    synchronized void settle(Plan plan, Scheduler.Outcome outcome, List<String> required, boolean stopped)
            throws IOException {
        if (!compose) {
            return;
        }
        boolean doomed = required.stream().map(id -> plan.task(id).orElseThrow())
                .anyMatch(t -> !t.kind().publishes());
        if (doomed || (stopped && touched)) {
            StateFiles.status(file, "DOOMED\n");
        } else if (touched && outcome.states().get(closing(plan)) != TaskState.DONE) {
            // finalize reused or not planned (update runs): the run itself says how the compose stands now
            StateFiles.status(file, finished());
        }
    }

    /** What the journal says of a compose whose run ended: FINISHED, or FINISHED_INCOMPLETE after a failure. */
    private String finished() throws IOException {
        return Journal.read(journal).finishedStatus() + "\n";
    }

    /** The task that writes STATUS when the compose is complete (finalize), or null when the plan has none. */
    private static String closing(Plan plan) {
        String status = plan.composeDir() + "/STATUS";
        return plan.tasks().stream().filter(t -> t.actions().stream().anyMatch(a -> a instanceof
                org.relengine.plan.Action.WriteFile w && w.path().equals(status))).map(org.relengine.plan.Task::id)
                .findFirst().orElse(null);
    }
}
