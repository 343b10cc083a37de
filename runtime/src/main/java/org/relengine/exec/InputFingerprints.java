package org.relengine.exec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.relengine.formats.Checksums;
import org.relengine.net.HttpGet;
import org.relengine.net.Wait;

/**
 * Fingerprints of what a task reads from outside the compose. A local file is its size and modification
 * time; a local directory the count, total size and newest time of its files plus a digest of their
 * names, sizes and times; where the recipe asks for it, the SHA-256 of their names and content instead. A yum repository (a URL a sync reads) is the SHA-256 of its
 * {@code repodata/repomd.xml}, so a build system that published new packages since the last run makes its
 * syncs run again. Other URLs cannot be fingerprinted without fetching them, and say so.
 */
public final class InputFingerprints {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Duration timeout;

    private final java.util.function.Function<String, Wait> waits;

    public InputFingerprints() {
        this(TIMEOUT);
    }

    /** @param timeout how long fetching a repository's repomd.xml may take, whole */
    public InputFingerprints(Duration timeout) {
        this(timeout, task -> Wait.within(timeout));
    }

    /**
     * @param waits the wait of each task's reads: a fetch counts against the task's timeout and is said in its
     *              log and the run's progress while it waits
     */
    public InputFingerprints(java.util.function.Function<String, Wait> waits) {
        this(TIMEOUT, waits);
    }

    private InputFingerprints(Duration timeout, java.util.function.Function<String, Wait> waits) {
        this.timeout = timeout;
        this.waits = waits;
    }

    public String repository(String url) {
        return repository(url, Wait.within(timeout));
    }

    /** The fingerprint of a repository that {@code task} reads. */
    public String repository(String url, String task) {
        return repository(url, waits.apply(task));
    }

    private String repository(String url, Wait wait) {
        String repomd = (url.endsWith("/") ? url : url + "/") + "repodata/repomd.xml";
        try {
            if (url.startsWith("file:")) {
                try (InputStream in = Files.newInputStream(Path.of(URI.create(repomd)))) {
                    return "repomd.xml sha256 " + Checksums.sha256(in);
                }
            }
            // the whole exchange is bounded, body included: a request's own timeout ends with the headers, and a
            // body that stalls would hold the run before its task even starts
            byte[] body = HttpGet.bytes(URI.create(repomd), wait, timeout);
            return "repomd.xml sha256 " + Checksums.sha256(new java.io.ByteArrayInputStream(body));
        } catch (HttpGet.Unanswered e) {
            wait.tell(e.getMessage());
            return "repomd.xml unavailable (no answer within " + timeout.toSeconds() + " s)";
        } catch (IOException | IllegalArgumentException e) {
            String status = e.getMessage() == null ? null : e.getMessage().replaceFirst(".* answered (\\d+)$", "$1");
            // named by what went wrong underneath (ConnectException), as the ingredient has always said it
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "repomd.xml unavailable (" + (status != null && status.matches("\\d+") ? "HTTP " + status
                    : cause.getClass().getSimpleName()) + ")";
        }
    }

    public String local(Path path) {
        try {
            if (!Files.exists(path)) {
                return "absent";
            }
            if (!Files.isDirectory(path)) {
                return "size " + Files.size(path) + ", modified " + Files.getLastModifiedTime(path);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long[] totals = new long[3];
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    long mtime = attrs.lastModifiedTime().toMillis();
                    digest.update((path.relativize(file) + "\t" + attrs.size() + "\t" + mtime + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    totals[0]++;
                    totals[1] += attrs.size();
                    totals[2] = Math.max(totals[2], mtime);
                    return FileVisitResult.CONTINUE;
                }
            });
            return totals[0] + " files, " + totals[1] + " bytes, newest " + Instant.ofEpochMilli(totals[2])
                    + ", listing " + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The SHA-256 over every file's relative path and content, in path order: its times do not count. */
    public String content(Path path) {
        try {
            if (!Files.exists(path)) {
                return "absent";
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            java.util.List<Path> files;
            try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                digest.update((path.relativize(file) + "\t" + Checksums.sha256(file) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return files.size() + " files, content sha256 " + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
