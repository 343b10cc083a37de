package org.relengine.exec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Optional;
import org.relengine.formats.Checksums;
import org.relengine.secrets.SecretUrl;

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

    private final HttpClient http;

    /** For requests with credentials: redirects are followed here, only where the credentials may go. */
    private final HttpClient own;

    public InputFingerprints() {
        this(TIMEOUT);
    }

    /** @param timeout how long fetching a repository's repomd.xml may take, whole */
    public InputFingerprints(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.own = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A URL with credentials is fetched without them in it, and they go in the request's basic authentication,
     * as dnf sends them; redirects are then followed only on the same scheme, host and port, since the JDK's
     * client would send them to wherever a redirect points.
     */
    public String repository(String url) {
        Optional<SecretUrl> secret = SecretUrl.of(url);
        String base = secret.map(SecretUrl::bare).orElse(url);
        String repomd = (base.endsWith("/") ? base : base + "/") + "repodata/repomd.xml";
        try {
            if (url.startsWith("file:")) {
                try (InputStream in = Files.newInputStream(Path.of(URI.create(repomd)))) {
                    return "repomd.xml sha256 " + Checksums.sha256(in);
                }
            }
            // the whole exchange is bounded, body included: a request's own timeout ends with the headers, and a
            // body that stalls would hold the run before its task even starts
            URI uri = URI.create(repomd);
            long until = System.nanoTime() + timeout.toNanos();
            HttpResponse<byte[]> response = null;
            for (int hop = 0; hop <= 5; hop++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
                secret.ifPresent(s -> request.header("Authorization", s.basicAuthorization()));
                java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> exchange = (secret.isPresent() ? own : http)
                        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                try {
                    response = exchange.get(Math.max(1, until - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    exchange.cancel(true);
                    return "repomd.xml unavailable (no answer within " + timeout.toSeconds() + " s)";
                } catch (java.util.concurrent.ExecutionException e) {
                    return "repomd.xml unavailable (" + e.getCause().getClass().getSimpleName() + ")";
                }
                Optional<String> location = response.headers().firstValue("Location");
                if (secret.isEmpty() || response.statusCode() / 100 != 3 || location.isEmpty()) {
                    break;
                }
                URI next = uri.resolve(location.get());
                if (!(next.getScheme() + "://" + next.getRawAuthority()).equals(uri.getScheme() + "://" + uri.getRawAuthority())) {
                    return "repomd.xml unavailable (redirected to another host, which is not given the credentials)";
                }
                uri = next;
            }
            if (response.statusCode() != 200) {
                return "repomd.xml unavailable (HTTP " + response.statusCode() + ")";
            }
            return "repomd.xml sha256 " + Checksums.sha256(new java.io.ByteArrayInputStream(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            return "repomd.xml unavailable (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "repomd.xml unavailable (interrupted)";
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
