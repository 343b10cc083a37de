package org.relengine.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One effect of a task, in the order the task performs it: a process to run, or a change to the
 * filesystem. A plan lists every action of every task; a run, real or dry, walks the same list
 * through an {@link org.relengine.effects.Effects} implementation.
 */
public sealed interface Action {

    /** One line for people, e.g. {@code mkdir -p /mnt/compose/9/…}. */
    String describe();

    /**
     * Run a process; {@code argv[0]} is found on PATH. Never a shell string.
     *
     * @param stdout a file that receives the process's standard output, or null (it goes to the task's log)
     */
    record Exec(List<String> argv, String stdout) implements Action {
        public Exec(List<String> argv) {
            this(argv, null);
        }

        public String describe() {
            return ShellQuote.join(argv) + (stdout == null ? "" : " > " + ShellQuote.quote(stdout));
        }
    }

    record MakeDirectory(String path) implements Action {
        public String describe() {
            return "mkdir -p " + ShellQuote.quote(path);
        }
    }

    /**
     * Write a file whose content relengine produces. {@code content} holds the exact text when it is
     * known when planning; otherwise {@code producer} names the writer and {@code params} what it needs.
     */
    record WriteFile(String path, String producer, String content, Map<String, String> params) implements Action {
        public WriteFile(String path, String producer, String content) {
            this(path, producer, content, Map.of());
        }

        public WriteFile {
            params = new TreeMap<>(params);
        }

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

    /**
     * Work done in Java: {@code operation} names it, {@code params} are its inputs, {@code description}
     * says it in one line, {@code paths} are what it changes.
     */
    record Internal(String operation, String description, List<String> paths, Map<String, String> params)
            implements Action {
        /** Moves the entries of the directory {@code from} into the directory {@code to}. */
        public static final String MOVE_DIRECTORY = "move-directory";

        public Internal {
            params = new TreeMap<>(params);
        }

        /** Whether it moves a directory's entries: its {@code from} and {@code to} then say which, and where. */
        public boolean moves() {
            return operation.equals(MOVE_DIRECTORY);
        }

        public String describe() {
            return description;
        }
    }

    /**
     * A read-only look at the trees a task is about to change, e.g. what a publish sync would change. Unlike
     * every other action it is performed by dry runs too: it reads, and changes nothing.
     */
    record Probe(String operation, String description, Map<String, String> params) implements Action {
        public Probe {
            params = new TreeMap<>(params);
        }

        public String describe() {
            return description;
        }
    }
}
