package org.relengine.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Rocky's checksum files: per file {@code <name>.CHECKSUM} with a {@code # name: size bytes} line and a
 * BSD-tag SHA256 line; per arch directory a {@code CHECKSUM} of every {@code *.CHECKSUM}, sorted.
 */
public final class Checksums {

    private Checksums() {
    }

    /** Files at least this large are hashed once per run: an ISO and its alias links are one file. */
    private static final long REMEMBERED = 1 << 20;

    /** What a large file hashed to, by the file (device and inode), its size and its time. */
    private static final Map<List<Object>, String> DONE = new ConcurrentHashMap<>();

    public static String sha256(Path file) throws IOException {
        String fast = LargeFileDigest.installed().sha256(file, Files.size(file));
        if (fast != null) {
            return fast;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /**
     * The file's SHA-256 for the compose's metadata, a large file hashed once while it stays as it was: a compose
     * writes the CHECKSUM of an ISO under its own name and under each alias link to it ({@code -latest-},
     * {@code -dvd1}), then names its digest in images.json, several reads of several GiB where one is enough. Not
     * for checking a file against corruption: that reads it every time ({@link #sha256(Path)}).
     */
    public static String sha256Once(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        List<Object> key = attributes.fileKey() == null || attributes.size() < REMEMBERED ? null
                : List.of(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        if (key == null) {
            return sha256(file);
        }
        String known = DONE.get(key);
        if (known == null) {
            known = sha256(file);
            DONE.put(key, known);
        }
        return known;
    }

    /** The SHA-1 of a small file, in hex: the checksum mirror file lists give {@code repomd.xml}. */
    public static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest("SHA-1", in);
        }
    }

    /** The SHA-256 of everything left in {@code in}, in hex; the caller closes it. */
    public static String sha256(InputStream in) throws IOException {
        return digest("SHA-256", in);
    }

    private static String digest(String algorithm, InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /** The two lines for {@code file} under its own name; size and digest follow symbolic links. */
    public static String fileChecksum(Path file) throws IOException {
        String name = file.getFileName().toString();
        return "# " + name + ": " + Files.size(file) + " bytes\n" + "SHA256 (" + name + ") = " + sha256Once(file) + "\n";
    }

    /** The directory's {@code CHECKSUM}: every {@code *.CHECKSUM} in it, in name order; null if it has none. */
    public static String merged(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(f -> f.getFileName().toString().endsWith(".CHECKSUM")).sorted().toList();
        }
        if (parts.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Path part : parts) {
            text.append(Files.readString(part));
        }
        return text.toString();
    }
}
