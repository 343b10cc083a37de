package org.relengine.cli

import groovy.transform.CompileStatic
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * SIGKILL to a whole process group, as {@code kill -KILL -- -PGID} sends it, without the {@code kill} program,
 * which a minimal system lacks (it comes with procps). The group's members are read from {@code /proc}: the
 * JDK can signal a process, not a group.
 */
@CompileStatic
final class ProcessGroup {

    private static final long PATIENCE_SECONDS = 30

    private ProcessGroup() {
    }

    /**
     * Kills the group {@code leader} leads. The leader first, so that it starts nothing more; then every member
     * alive, scanned again until none is left, so that a child a member forked while the others were killed is
     * found too. Those of its descendants that had left the group are killed with it.
     */
    static void kill(ProcessHandle leader) {
        long group = leader.pid()
        List<ProcessHandle> left = leader.descendants().toList()
        leader.destroyForcibly()
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS)
        List<ProcessHandle> alive
        while (!(alive = (left + members(group)).findAll { running(it) }).empty) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process group $group still runs ${alive*.pid()} after SIGKILL" as Object)
            }
            alive.each { it.destroyForcibly() }
            left = alive
            Thread.sleep(5)
        }
    }

    /**
     * The processes of a group. Each handle is taken before its {@code stat} is read, and a handle signals only
     * the process it was taken of (the JDK checks its start time), so a pid reused meanwhile is never killed.
     */
    static List<ProcessHandle> members(long group) {
        List<ProcessHandle> members = []
        Files.list(Path.of('/proc')).withCloseable { stream ->
            stream.map { it.fileName.toString() }.filter { it.isLong() }.forEach { String pid ->
                ProcessHandle.of(pid as long).ifPresent { ProcessHandle process ->
                    if (stat(process)?.getAt(2) == group.toString()) {
                        members << process
                    }
                }
            }
        }
        members
    }

    /** Alive and not a zombie: a killed process is one until its parent reaps it, and the JDK counts it alive. */
    static boolean running(ProcessHandle process) {
        List<String> stat = stat(process)
        process.alive && stat != null && !(stat[0] in ['Z', 'X'])
    }

    /** The fields of {@code /proc/PID/stat} after the command name: state, parent pid, group, …; null once gone. */
    private static List<String> stat(ProcessHandle process) {
        try {
            String line = Files.readString(Path.of("/proc/${process.pid()}/stat"))
            line.substring(line.lastIndexOf(')') + 2).split(' ') as List<String>
        } catch (IOException ignored) {
            null    // gone, or going
        }
    }
}
