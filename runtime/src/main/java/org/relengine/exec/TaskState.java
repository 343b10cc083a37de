package org.relengine.exec;

/**
 * Where a task of a run stands. {@code REUSED}: a previous run finished it and nothing it depends on changed.
 * {@code RETRYING}: an attempt failed and the task runs again; it is still running, not finished, and only
 * ever a journal line: the scheduler's own states go from {@code RUNNING} to how the last attempt ended.
 */
public enum TaskState {
    PENDING, RUNNING, RETRYING, DONE, REUSED, FAILED, SKIPPED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Done in this run or reused from an earlier one: its dependants may start. */
    public boolean finished() {
        return this == DONE || this == REUSED;
    }
}
