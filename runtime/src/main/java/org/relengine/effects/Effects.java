package org.relengine.effects;

import java.util.List;

/**
 * The one boundary every side effect of a run passes: processes, directories, files, links. A dry run
 * and a real run walk the same plan through the same code; only the implementation of this interface
 * differs, so every check before it runs in both.
 */
public interface Effects {

    /** Runs a process for a task; returns its exit status. */
    int exec(String task, List<String> argv);

    void makeDirectory(String path);

    /** @param content the exact text when known before running; null when produced at run time */
    void writeFile(String path, String producer, String content);

    void symlink(String link, String target);

    /** Work done in Java, described in one line, changing the paths named. */
    void internal(String description, List<String> paths);
}
