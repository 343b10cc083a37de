package org.relengine.yum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A checksum as yum metadata writes it: {@code <checksum type="sha256">hex</checksum>}.
 *
 * @param type  the metadata's word for the algorithm ({@code sha256}, {@code sha}, {@code sha512}, …)
 * @param value lower-case hex
 */
public record Checksum(String type, String value) {

    /** createrepo_c's words; {@code sha} is yum's old name for SHA-1. */
    private static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha", "SHA-1", "sha1", "SHA-1",
            "sha224", "SHA-224", "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");

    /** One instance of each algorithm, cloned for each digest: looking one up by name costs more than hashing a small package. */
    private static final Map<String, MessageDigest> PROTOTYPES = new ConcurrentHashMap<>();
    /** A download's or a hash's buffer, one per thread: a package of a few KiB does not allocate 64 KiB. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    public Checksum {
        type = type.toLowerCase(Locale.ROOT);
        value = value.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether relengine can compute checksums of this type. */
    public boolean known() {
        return ALGORITHMS.containsKey(type);
    }

    /** A new digest of this checksum's algorithm. */
    public MessageDigest digest() {
        String algorithm = ALGORITHMS.get(type);
        if (algorithm == null) {
            throw new IllegalStateException("unknown checksum type " + type);
        }
        MessageDigest prototype = PROTOTYPES.computeIfAbsent(algorithm, Checksum::instance);
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return instance(algorithm);
        }
    }

    private static MessageDigest instance(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This thread's 64 KiB buffer; its content is the caller's until it returns. */
    static byte[] buffer() {
        return BUFFER.get();
    }

    public boolean matches(MessageDigest done) {
        return HexFormat.of().formatHex(done.digest()).equals(value);
    }

    /** Whether the file's content has this checksum. */
    public boolean matches(Path file) throws IOException {
        MessageDigest digest = digest();
        feed(digest, file);
        return matches(digest);
    }

    /** The file's content into the digest: what a continued download has already written, say. */
    static void feed(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = buffer();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
