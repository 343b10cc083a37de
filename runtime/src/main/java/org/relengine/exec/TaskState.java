package org.relengine.exec;

/** Where a task of a run stands. {@code REUSED}: a previous run finished it and nothing it depends on changed. */
public enum TaskState {
    PENDING, RUNNING, DONE, REUSED, FAILED, SKIPPED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Done in this run or reused from an earlier one: its dependants may start. */
    public boolean finished() {
        return this == DONE || this == REUSED;
    }
}
