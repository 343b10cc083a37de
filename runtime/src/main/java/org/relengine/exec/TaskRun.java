package org.relengine.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What one task of a run did, as reports show it.
 *
 * @param start  when it started running; null when it never ran (skipped, reused, or the run ended first)
 * @param end    when it reached its last state; null while it runs or waits
 * @param exit   the exit status of the command that failed it; 0 for a done task that ran commands; else null
 * @param reason why it failed or was skipped; while it runs, what it waits for now, if anything; null otherwise
 * @param log    where its log is (the file exists only when the task wrote to it)
 */
public record TaskRun(String id, String stage, boolean failable, TaskState state, Instant start, Instant end,
                      Integer exit, String reason, Path log) {

    /** A previous run finished it, so this run did not. */
    public boolean reused() {
        return state == TaskState.REUSED;
    }

    /** Counted as done: done now, or reused from a previous run. */
    public boolean done() {
        return state == TaskState.DONE || reused();
    }

    public boolean failed() {
        return state == TaskState.FAILED;
    }

    public boolean skipped() {
        return state == TaskState.SKIPPED;
    }

    /** It has reached a state it will not leave in this run. */
    public boolean over() {
        return state != TaskState.PENDING && state != TaskState.RUNNING;
    }

    /** How long it ran; null when it did not run to an end. */
    public Duration took() {
        return start == null || end == null ? null : Duration.between(start, end);
    }

    /** The state in a word: {@code done}, {@code failed}, {@code failable failure}, {@code reused}, … */
    public String shown() {
        if (state == TaskState.PENDING) {
            return "not run";
        }
        return failed() && failable ? "failed (failable)" : state.word();
    }

    TaskRun with(TaskState state, Instant start, Instant end, Integer exit, String reason) {
        return new TaskRun(id, stage, failable, state, start, end, exit, reason, log);
    }
}
