package org.relengine.exec;

/** Where a task of a run stands. */
public enum TaskState {
    PENDING, RUNNING, DONE, FAILED, SKIPPED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
