package org.relengine.plan;

import java.util.List;

/**
 * One effect of a task, in the order the task performs it: a process to run, or a change to the
 * filesystem. A plan lists every action of every task; a run, real or dry, walks the same list
 * through an {@link org.relengine.effects.Effects} implementation.
 */
public sealed interface Action {

    /** One line for people, e.g. {@code mkdir -p /mnt/compose/9/…}. */
    String describe();

    /** Run a process; {@code argv[0]} is found on PATH. Never a shell string. */
    record Exec(List<String> argv) implements Action {
        public String describe() {
            return ShellQuote.join(argv);
        }
    }

    record MakeDirectory(String path) implements Action {
        public String describe() {
            return "mkdir -p " + ShellQuote.quote(path);
        }
    }

    /**
     * Write a file whose content relengine produces (a dnf configuration, CHECKSUM, metadata…).
     * {@code content} names the producer and, where known at planning time, holds the exact text.
     */
    record WriteFile(String path, String producer, String content) implements Action {
        public String describe() {
            return "write " + ShellQuote.quote(path) + " (" + producer + ")";
        }
    }

    /** Replace (or create) a symbolic link atomically: a new link renamed over the old one. */
    record Symlink(String link, String target) implements Action {
        public String describe() {
            return "ln -sfn " + ShellQuote.quote(target) + " " + ShellQuote.quote(link);
        }
    }

    /** Work done in Java that changes the files named, described in one line. */
    record Internal(String description, List<String> paths) implements Action {
        public String describe() {
            return description;
        }
    }
}
