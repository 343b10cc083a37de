package org.relengine.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How the holder of a lock stands, as far as this host can tell. */
public enum Liveness {
    RUNNING("running"),
    GONE("no longer runs"),
    /** A process runs under the holder's pid, but it started at another time: the pid was given to a new process. */
    REUSED("no longer runs"),
    ELSEWHERE("on another host");

    /** As {@code relengine status} shows it. */
    final String words;

    Liveness(String words) {
        this.words = words;
    }

    static Liveness of(RunLock.Holder holder) {
        if (!holder.host().equals(RunLock.host())) {
            return ELSEWHERE;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || org.relengine.process.Pids.zombie(holder.pid())) {
            return GONE;
        }
        Optional<Instant> start = process.get().info().startInstant();
        if (holder.processStart() == null || start.isEmpty()) {
            return RUNNING;    // no start time to tell a new process from the holder: the pid alone decides
        }
        return sameStart(holder.processStart(), start.get()) ? RUNNING : REUSED;
    }

    /**
     * Whether two readings of a start time are of one process. On Linux the JDK reads a process's start as the
     * boot time in whole seconds, read once per JVM, plus the clock ticks since boot. The kernel derives the
     * boot time from the wall clock, so once the clock is stepped (NTP, a wrong clock set right after boot) two
     * JVMs see it whole seconds apart, as many as the step. The ticks are exact. So the readings of one process
     * agree to the millisecond within the second, whatever the seconds; a new process on a reused pid started
     * ticks later. Other systems read an exact start, which passes the same test.
     */
    static boolean sameStart(Instant recorded, Instant observed) {
        int nanos = Duration.between(recorded, observed).getNano();    // within the second, from 0 up
        return nanos < 1_000_000 || nanos > 999_000_000;
    }
}
