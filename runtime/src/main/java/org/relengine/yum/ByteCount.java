package org.relengine.yum;

import java.util.Locale;

/** A byte count as a person reads it: {@code 512 B}, {@code 12.0 KiB}, {@code 1.2 GiB}. */
final class ByteCount {

    private ByteCount() {
    }

    static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
