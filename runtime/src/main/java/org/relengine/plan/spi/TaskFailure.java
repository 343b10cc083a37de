package org.relengine.plan.spi;

/**
 * A task's work failed for a reason its log and the run's summary state in the user's words. The reason goes
 * into the journal and the reports as it is, so its secrets are hidden here, once for all of them.
 */
public class TaskFailure extends RuntimeException {

    public TaskFailure(String message) {
        super(org.relengine.secrets.Redaction.text(message));
    }

    public TaskFailure(String message, Throwable cause) {
        super(org.relengine.secrets.Redaction.text(message), cause);
    }
}
