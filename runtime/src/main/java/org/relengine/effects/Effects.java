package org.relengine.effects;

import java.util.List;
import java.util.Map;
import org.relengine.plan.OperationKey;
import org.relengine.plan.ProducerKey;

/**
 * The one boundary every side effect of a run passes: processes, directories, files, links. A dry run
 * and a real run walk the same plan through the same code; only the implementation of this interface
 * differs, so every check before it runs in both.
 */
public interface Effects {

    /**
     * Runs a process for a task; returns its exit status.
     *
     * @param stdout a file for its standard output, or null to keep it in the task's log
     */
    int exec(String task, List<String> argv, String stdout);

    void makeDirectory(String task, String path);

    /** @param content the exact text when known before running; null when {@code producer} makes it */
    void writeFile(String task, String path, ProducerKey producer, String content, Map<String, String> params);

    void symlink(String task, String link, String target);

    /** A line of relengine's own in the task's log, such as why the task runs again. */
    void note(String task, String line);

    /** Work done in Java, named by {@code operation}, changing the paths named. */
    void internal(String task, OperationKey operation, String description, List<String> paths, Map<String, String> params);

    /** A read-only operation, performed by every implementation, dry runs included: it changes nothing. */
    void probe(String task, OperationKey operation, String description, Map<String, String> params);

    /**
     * Work handed to a system that runs it away from this machine (a Kubernetes Job), described by a document (the
     * Job's manifest): a dry run prints the description and the document and runs nothing; a real run performs
     * {@code work}, which writes what it follows into the task's log. Returns the exit status the work reports.
     */
    int remote(String task, String description, String document, RemoteWork work);

    /** What a real run does for {@link #remote}: it may throw {@code TaskFailure} with the reason it failed. */
    @FunctionalInterface
    interface RemoteWork {
        int run(java.io.PrintWriter log) throws java.io.IOException, InterruptedException;
    }

    /**
     * The run is ending before its time ({@code why}): the commands running now are killed, and each action
     * from now on fails at once, saying why.
     */
    default void stop(String why) {
    }

    /** How long each task may take and what it waits for; null where nothing waits (a dry run). */
    default TaskWaits waits() {
        return null;
    }
}
