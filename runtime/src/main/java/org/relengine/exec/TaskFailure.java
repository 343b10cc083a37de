package org.relengine.exec;

/** A task's work failed for a reason its log and the run's summary state in the user's words. */
public class TaskFailure extends RuntimeException {

    public TaskFailure(String message) {
        super(message);
    }

    public TaskFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
