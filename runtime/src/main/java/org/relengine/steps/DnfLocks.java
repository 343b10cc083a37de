package org.relengine.steps;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.relengine.exec.Liveness;

/**
 * The pid files dnf locks its cache with ({@code metadata_lock.pid}, {@code download_lock.pid}). dnf takes over
 * such a lock only when its pid has no {@code /proc} entry, so a killed dnf that nothing reaped (a zombie) holds
 * it for ever, and every later dnf on that cache waits for it without end.
 */
final class DnfLocks {

    private DnfLocks() {
    }

    /** Removes each lock in {@code cache} whose pid no longer runs; one that runs is left to its dnf. */
    static void releaseDead(Path cache, PrintWriter log) throws IOException {
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
                if (!Liveness.running(pid)) {
                    Files.deleteIfExists(lock);
                    log.println("removed " + lock + ": dnf process " + pid + " no longer runs");
                }
            }
        }
    }
}
