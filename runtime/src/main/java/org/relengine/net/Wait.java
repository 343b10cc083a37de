package org.relengine.net;

import java.time.Duration;
import java.time.Instant;

/**
 * What a read from the network may wait for, and who hears what it waits for: the task it reads for ends by
 * {@link #deadline}, and what it waits for goes to that task's log and the run's progress.
 */
public interface Wait {

    /** When the task must have ended: its start plus its timeout. */
    Instant deadline();

    /** The task's timeout, to name it when it runs out. */
    Duration timeout();

    /** What the read waits for now ({@code waiting for http://… (no answer for 10 s)}). */
    void tell(String detail);

    /** What the task waited for last, or null. */
    default String last() {
        return null;
    }

    /**
     * Why {@code what} (a command, the sync engine) cannot start now, the task's timeout being spent, most often
     * waiting for one of its inputs; null while time is left.
     */
    default String spentBefore(String what) {
        if (java.time.Instant.now().isBefore(deadline())) {
            return null;
        }
        String last = last();
        return last != null && last.contains("the task's timeout") ? last + ", before " + what + " could start"
                : "the task's timeout (" + org.relengine.formats.Durations.human(timeout()) + ") ran out before "
                + what + " could start" + (last == null ? "" : " (" + last + ")");
    }

    /** Why the read must end now (the run is stopping), or null. */
    default String stopped() {
        return null;
    }

    /** A wait of {@code bound} from now that nobody follows: for reads outside a run's tasks. */
    static Wait within(Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        return new Wait() {
            @Override
            public Instant deadline() {
                return deadline;
            }

            @Override
            public Duration timeout() {
                return bound;
            }

            @Override
            public void tell(String detail) {
            }
        };
    }
}
