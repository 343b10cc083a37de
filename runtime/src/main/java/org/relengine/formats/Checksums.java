package org.relengine.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rocky's checksum files: per file {@code <name>.CHECKSUM} with a {@code # name: size bytes} line and a
 * BSD-tag SHA256 line; per arch directory a {@code CHECKSUM} of every {@code *.CHECKSUM}, sorted.
 */
public final class Checksums {

    private Checksums() {
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** The SHA-256 of everything left in {@code in}, in hex; the caller closes it. */
    public static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The two lines for {@code file} under its own name; size and digest follow symbolic links. */
    public static String fileChecksum(Path file) throws IOException {
        String name = file.getFileName().toString();
        return "# " + name + ": " + Files.size(file) + " bytes\n" + "SHA256 (" + name + ") = " + sha256(file) + "\n";
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
