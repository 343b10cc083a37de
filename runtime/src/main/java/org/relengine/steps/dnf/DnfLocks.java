package org.relengine.steps.dnf;

import java.util.List;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
import org.relengine.plan.spi.Params;
import org.relengine.process.Pids;

/**
 * The pid files dnf locks its cache with ({@code metadata_lock.pid}, {@code download_lock.pid}). dnf takes over
 * such a lock only when its pid has no {@code /proc} entry, so a killed dnf that nothing reaped (a zombie) holds
 * it for ever, and every later dnf on that cache waits for it without end.
 */
public final class DnfLocks {

    public static final OperationKey RELEASE_DEAD = new OperationKey("release-dead-dnf-locks");

    private DnfLocks() {
    }

    /**
     * dnf waits for ever on a lock in its cache whose pid still shows, and the dnf of a run that was killed can
     * linger as a zombie where nothing reaps it (a container whose first process is a JVM): each dnf task first
     * removes the locks of dnf processes that no longer run. The compose's lock keeps every other run out.
     */
    public static Action releaseDeadAction(ComposeLayout layout) {
        return new Action.Internal(RELEASE_DEAD, "remove the locks in " + layout.dnfCache()
                + " that dnf processes which no longer run left behind", List.of(layout.dnfCache()),
                Params.of("cache", layout.dnfCache()));
    }

    /** Removes each lock in {@code cache} whose pid no longer runs; one that runs is left to its dnf. */
    public static void releaseDead(Path cache, PrintWriter log) throws IOException {
        if (!Files.isDirectory(cache)) {
            return;
        }
        try (DirectoryStream<Path> locks = Files.newDirectoryStream(cache, "*_lock.pid")) {
            for (Path lock : locks) {
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(lock, StandardCharsets.US_ASCII).strip());
                } catch (IOException | NumberFormatException e) {
                    continue;   // being written by the dnf that takes it, or not dnf's: either way not ours
                }
                if (!Pids.running(pid)) {
                    Files.deleteIfExists(lock);
                    log.println("removed " + lock + ": dnf process " + pid + " no longer runs");
                }
            }
        }
    }
}
