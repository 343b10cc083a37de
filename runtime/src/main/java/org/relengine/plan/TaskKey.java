package org.relengine.plan;

/**
 * The key of a task: each step unit has its own key type per task kind, so that an id is spelled in one place
 * ({@code sync:BaseOS:x86_64:os}) and a dependency names a key, never a string glued by hand.
 */
public interface TaskKey {

    /** The task's id, as plans, journals and logs spell it. */
    String id();

    TaskKind kind();

    /** The key of a task whose id has no parts beyond its kind's word ({@code prepare}, {@code finalize}). */
    static TaskKey of(TaskKind kind) {
        return new Single(kind);
    }

    /** A key of one kind whose id is the kind's word. */
    record Single(TaskKind kind) implements TaskKey {
        @Override
        public String id() {
            return kind.word();
        }
    }
}
