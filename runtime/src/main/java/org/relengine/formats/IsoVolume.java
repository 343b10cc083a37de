package org.relengine.formats;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ISO 9660 image's volume descriptors (from sector 16): the volume id of the primary one
 * (bytes 40–71), whether an El Torito boot record is there, and the MD5 that implantisomd5 wrote into
 * the primary descriptor's application use field (bytes 883–1394).
 */
public final class IsoVolume {

    private static final int SECTOR = 2048;
    private static final Pattern IMPLANTED = Pattern.compile("ISO MD5SUM = ([0-9a-f]{32});");

    private IsoVolume() {
    }

    public static String volumeId(Path iso) throws IOException {
        byte[] primary = primary(iso);
        return new String(primary, 40, 32, StandardCharsets.US_ASCII).strip();
    }

    /** The value {@code checkisomd5 --md5sumonly} prints, or null when none was implanted. */
    public static String implantedMd5(Path iso) throws IOException {
        Matcher md5 = IMPLANTED.matcher(new String(primary(iso), 883, 512, StandardCharsets.US_ASCII));
        return md5.find() ? md5.group(1) : null;
    }

    public static boolean bootable(Path iso) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(iso.toFile(), "r")) {
            for (long sector = 16; (sector + 1) * SECTOR <= file.length(); sector++) {
                byte[] descriptor = read(file, sector);
                if (!isDescriptor(descriptor) || (descriptor[0] & 0xff) == 255) {
                    return false;
                }
                if (descriptor[0] == 0 && new String(descriptor, 7, 32, StandardCharsets.US_ASCII)
                        .startsWith("EL TORITO SPECIFICATION")) {
                    return true;
                }
            }
            return false;
        }
    }

    private static byte[] primary(Path iso) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(iso.toFile(), "r")) {
            byte[] descriptor = file.length() >= 17L * SECTOR ? read(file, 16) : new byte[SECTOR];
            if (descriptor[0] != 1 || !isDescriptor(descriptor)) {
                throw new IOException(iso + " has no ISO 9660 primary volume descriptor");
            }
            return descriptor;
        }
    }

    private static byte[] read(RandomAccessFile file, long sector) throws IOException {
        byte[] descriptor = new byte[SECTOR];
        file.seek(sector * SECTOR);
        file.readFully(descriptor);
        return descriptor;
    }

    private static boolean isDescriptor(byte[] descriptor) {
        return new String(descriptor, 1, 5, StandardCharsets.US_ASCII).equals("CD001");
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
