package org.relengine.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.relengine.process.Processes;

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
    /** Far longer than any file takes (a 10 GiB ISO: 7 s); a hashing that hangs is left to the JDK. */
    private static final Duration LONGEST = Duration.ofHours(1);
    private static final LargeFileDigest INSTALLED = new LargeFileDigest(Processes.onPath("openssl"));

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
        try {
            Processes.Captured run = Processes.captureOutput(List.of(openssl.toString(), "dgst", "-sha256", "-r",
                    file.toAbsolutePath().toString()), LONGEST);
            // `<hex> *<file>`: only the digest is read, so that no file name can be mistaken for one
            String out = run.output();
            String digest = out.length() >= 64 ? out.substring(0, 64).toLowerCase(Locale.ROOT) : "";
            return run.exit() == 0 && DIGEST.matcher(digest).matches() ? digest : null;
        } catch (IOException e) {
            return null;
        }
    }
}
