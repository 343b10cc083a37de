package org.relengine.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this host can tell of a process by its pid. */
public final class Pids {

    private Pids() {
    }

    /** Whether a process of this host runs under {@code pid} and is not a zombie. */
    public static boolean running(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() && !zombie(pid);
    }

    /**
     * A process killed before its parent reaped it: the JDK counts it alive, but it holds nothing any more. It
     * lasts until the parent waits for it, which a container's first process may never do. Linux says so in
     * {@code /proc/PID/stat}; elsewhere the pid alone decides.
     */
    public static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
