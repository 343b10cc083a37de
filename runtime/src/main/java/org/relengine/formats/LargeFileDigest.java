package org.relengine.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a file of many MiB by {@code openssl dgst -sha256}, where OpenSSL is installed: it hashes with the
 * processor's SHA instructions, 0.7 s a GiB, as fast as the JDK's optimising compiler does and ten times faster than
 * its first-tier compiler, which is the only one relengine's short-lived commands start (the launcher's
 * {@code -XX:TieredStopAtLevel=1}). Without OpenSSL, or when it fails, the JDK hashes: the digest is the same.
 */
public final class LargeFileDigest {

    /** Below this size starting a program costs more than it saves. */
    static final long THRESHOLD = 16L << 20;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final LargeFileDigest INSTALLED = new LargeFileDigest(onPath("openssl"));

    private final Path openssl;

    /** @param openssl the openssl program, or null to hash every file in the JDK */
    LargeFileDigest(Path openssl) {
        this.openssl = openssl;
    }

    static LargeFileDigest installed() {
        return INSTALLED;
    }

    /** The digest in hex, or null when the file is small or OpenSSL could not give it: then the caller hashes. */
    String sha256(Path file, long size) {
        if (openssl == null || size < THRESHOLD) {
            return null;
        }
        Process process = null;
        try {
            process = new ProcessBuilder(openssl.toString(), "dgst", "-sha256", "-r",
                    file.toAbsolutePath().toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
            }
            process.waitFor();
            // `<hex> *<file>`: only the digest is read, so that no file name can be mistaken for one
            String digest = out.length() >= 64 ? out.substring(0, 64).toLowerCase(java.util.Locale.ROOT) : "";
            return process.exitValue() == 0 && DIGEST.matcher(digest).matches() ? digest : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
