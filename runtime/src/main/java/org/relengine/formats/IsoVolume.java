package org.relengine.formats;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads an ISO 9660 image's volume id from its primary volume descriptor (sector 16, bytes 40–71). */
public final class IsoVolume {

    private IsoVolume() {
    }

    public static String volumeId(Path iso) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(iso.toFile(), "r")) {
            byte[] descriptor = new byte[2048];
            file.seek(16L * 2048);
            file.readFully(descriptor);
            if (descriptor[0] != 1 || !new String(descriptor, 1, 5, StandardCharsets.US_ASCII).equals("CD001")) {
                throw new IOException(iso + " has no ISO 9660 primary volume descriptor");
            }
            return new String(descriptor, 40, 32, StandardCharsets.US_ASCII).strip();
        }
    }

    /** A sorted manifest from {@code xorriso -dev ISO -find /}: quotes stripped, no leading slash. */
    public static String manifest(String listing) {
        return listing.lines().map(String::strip)
                .filter(l -> l.startsWith("'/") && l.endsWith("'"))
                .map(l -> l.substring(2, l.length() - 1))
                .filter(l -> !l.isEmpty())
                .sorted().reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append)
                .toString();
    }
}
