package org.relengine.steps.extrafiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.net.HttpGet;
import org.relengine.net.Wait;

/**
 * The release's extra files (EULA, LICENSE, keys…) from a git repository at a ref, with JGit: cloned into
 * a scratch directory, the listed files copied, and the commit recorded for the compose metadata.
 */
public final class ExtraFilesFetch {

    private ExtraFilesFetch() {
    }

    public static String fetch(String url, String ref, List<String> files, Path into, Path metadata, Path record,
                               Path scratch) throws IOException {
        return fetch(url, ref, files, into, metadata, record, scratch, Wait.within(java.time.Duration.ofHours(2)));
    }

    /**
     * @param wait bounds the clone: JGit gives up on a server silent for {@link HttpGet#SILENCE}, and the clone is
     *             cancelled when the task's timeout runs out
     */
    public static String fetch(String url, String ref, List<String> files, Path into, Path metadata, Path record,
                               Path scratch, Wait wait) throws IOException {
        deleteTree(scratch);
        Cloning cloning = new Cloning(url, wait);
        // JGit asks the monitor whether to cancel only between pieces of work, never while it waits for a server's
        // answer: that wait is bounded by its socket timeout, which therefore ends by the task's deadline too
        long left = (java.time.Duration.between(java.time.Instant.now(), wait.deadline()).toMillis() + 999) / 1000;
        int timeout = (int) Math.max(1, Math.min(HttpGet.SILENCE.toSeconds(), left));
        // and, as it gives no progress while it waits, the task's log hears what it waits for from a ticker
        java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "clone-wait " + org.relengine.secrets.Redaction.text(url));
                    thread.setDaemon(true);
                    return thread;
                });
        ticker.scheduleAtFixedRate(cloning::tell, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        try (Git git = Git.cloneRepository().setURI(url).setDirectory(scratch.toFile()).setBranch(ref)
                .setDepth(1).setTimeout(timeout).setProgressMonitor(cloning).call()) {
            String commit = git.getRepository().resolve("HEAD").name();
            Files.createDirectories(into);
            Files.createDirectories(metadata);
            for (String file : files) {
                Path source = scratch.resolve(file).normalize();
                if (!source.startsWith(scratch) || !Files.isRegularFile(source)) {
                    throw new TaskFailure("extra file `" + file + "` is not in " + url + " at " + ref);
                }
                Path name = source.getFileName();
                Files.copy(source, into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(source, metadata.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, Object> used = new LinkedHashMap<>();
            // the record is published with the compose's metadata: a token in the URL must not go with it
            used.put("git", org.relengine.secrets.Redaction.text(url));
            used.put("ref", ref);
            used.put("commit", commit);
            used.put("files", files);
            Files.createDirectories(record.getParent());
            Files.writeString(record, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(used) + "\n");
            return commit;
        } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            if (cloning.overdue()) {
                throw new TaskFailure("cannot fetch the extra files from " + url + " at " + ref + ": the task's timeout ("
                        + org.relengine.formats.Durations.human(wait.timeout()) + ") ran out while cloning it ("
                        + cloning.waitingFor() + ")", e);
            }
            throw new TaskFailure("cannot fetch the extra files from " + url + " at " + ref + ": " + e.getMessage(), e);
        } finally {
            ticker.shutdownNow();
            deleteScratch(scratch);
        }
    }

    /**
     * JGit ends every fetch with an automatic gc that runs on in the background and holds
     * {@code .git/gc.log.lock} for a moment: a file that vanishes while the clone is being deleted.
     */
    private static void deleteScratch(Path scratch) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(scratch);
                return;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 10) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Says how the clone goes, and cancels it when the task's timeout runs out or the run stops. */
    private static final class Cloning extends org.eclipse.jgit.lib.EmptyProgressMonitor {
        private final String url;
        private final Wait wait;
        private String task = "connecting";
        private java.time.Instant told = java.time.Instant.now();

        Cloning(String url, Wait wait) {
            this.url = url;
            this.wait = wait;
        }

        @Override
        public synchronized void beginTask(String title, int totalWork) {
            task = title;
        }

        @Override
        public boolean isCancelled() {
            tell();
            return overdue() || wait.stopped() != null;
        }

        /** Tells the task's log what the clone waits for, every 5 s of it. */
        synchronized void tell() {
            java.time.Instant now = java.time.Instant.now();
            if (java.time.Duration.between(told, now).toSeconds() >= 5) {
                told = now;
                wait.tell("cloning " + url + " (" + task + ")");
            }
        }

        /** What the clone was at: before any progress, the server's first answer. */
        synchronized String waitingFor() {
            return "connecting".equals(task) ? "connecting: waiting for the server's answer" : task;
        }

        boolean overdue() {
            return !java.time.Instant.now().isBefore(wait.deadline());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        org.relengine.formats.AtomicFiles.deleteTree(dir);
    }
}
