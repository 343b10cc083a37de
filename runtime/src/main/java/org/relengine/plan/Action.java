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

    /** Hands the action to the visitor's method for its type: a new type of action fails to compile, not to run. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each type of action; every type has its method. */
    interface Visitor<R> {
        R exec(Exec exec);

        R makeDirectory(MakeDirectory dir);

        R writeFile(WriteFile write);

        R symlink(Symlink link);

        R internal(Internal internal);

        R probe(Probe probe);
    }

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

        public <R> R accept(Visitor<R> visitor) {
            return visitor.exec(this);
        }
    }

    record MakeDirectory(String path) implements Action {
        public String describe() {
            return "mkdir -p " + ShellQuote.quote(path);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.makeDirectory(this);
        }
    }

    /**
     * Write a file whose content relengine produces. {@code content} holds the exact text when it is
     * known when planning; otherwise {@code producer} names the writer and {@code params} what it needs.
     */
    record WriteFile(String path, ProducerKey producer, String content, Map<String, String> params) implements Action {
        /** A file whose content the plan holds, described in a few words. */
        public WriteFile(String path, String description, String content) {
            this(path, ProducerKey.described(description), content, Map.of());
        }

        public WriteFile {
            params = new TreeMap<>(params);
        }

        public String describe() {
            return "write " + ShellQuote.quote(path) + " (" + producer.description() + ")";
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.writeFile(this);
        }
    }

    /** Replace (or create) a symbolic link atomically: a new link renamed over the old one. */
    record Symlink(String link, String target) implements Action {
        public String describe() {
            return "ln -sfn " + ShellQuote.quote(target) + " " + ShellQuote.quote(link);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.symlink(this);
        }
    }

    /**
     * Work done in Java: {@code operation} names it, {@code params} are its inputs, {@code description}
     * says it in one line, {@code paths} are what it changes.
     */
    record Internal(OperationKey operation, String description, List<String> paths, Map<String, String> params)
            implements Action {
        /**
         * Moves the entries of the directory {@code from} into the directory {@code to}: what a task made there is
         * then found at its new place when {@code --resume} checks it.
         */
        public static final OperationKey MOVE_DIRECTORY = new OperationKey("move-directory");

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

        public <R> R accept(Visitor<R> visitor) {
            return visitor.internal(this);
        }
    }

    /**
     * A read-only look at the trees a task is about to change, e.g. what a publish sync would change. Unlike
     * every other action it is performed by dry runs too: it reads, and changes nothing.
     */
    record Probe(OperationKey operation, String description, Map<String, String> params) implements Action {
        public Probe {
            params = new TreeMap<>(params);
        }

        public String describe() {
            return description;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.probe(this);
        }
    }
}
