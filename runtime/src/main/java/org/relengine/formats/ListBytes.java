package org.relengine.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Lines of a list as bytes, grown as needed, with numbers formatted in place: no line of a list of 200,000
 * entries becomes a String on its way out.
 */
final class ListBytes {

    private final byte[] digits = new byte[20];
    private byte[] bytes;
    private int length;

    ListBytes(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    int length() {
        return length;
    }

    ListBytes add(int b) {
        if (length == bytes.length) {
            grow(1);
        }
        bytes[length++] = (byte) b;
        return this;
    }

    ListBytes add(byte[] more) {
        if (more.length > bytes.length - length) {
            grow(more.length);
        }
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
        return this;
    }

    /** {@code value} in decimal, as {@link Long#toString(long)} writes it. */
    ListBytes decimal(long value) {
        if (value == Long.MIN_VALUE) {
            return add(Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        if (value < 0) {
            add('-');
            value = -value;
        }
        int at = digits.length;
        while (value > Integer.MAX_VALUE) {
            digits[--at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        int small = (int) value;   // times and most sizes: int division is several times cheaper in C1's code
        do {
            digits[--at] = (byte) ('0' + small % 10);
            small /= 10;
        } while (small != 0);
        int count = digits.length - at;
        if (count > bytes.length - length) {
            grow(count);
        }
        System.arraycopy(digits, at, bytes, length, count);
        length += count;
        return this;
    }

    void writeTo(OutputStream out, int from, int to) throws IOException {
        out.write(bytes, from, to - from);
    }

    private void grow(int more) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
}
