package org.relengine.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a list, buffered in large blocks: a list of a mirror is tens of megabytes, written as raw bytes
 * with numbers formatted in place, so no line becomes a String on its way out.
 */
final class ListOutput {

    private static final int BLOCK = 1 << 20;

    private final OutputStream out;
    private final byte[] buffer = new byte[BLOCK];
    private final byte[] digits = new byte[20];
    private int length;

    ListOutput(OutputStream out) {
        this.out = out;
    }

    ListOutput ascii(String text) throws IOException {
        return bytes(text.getBytes(StandardCharsets.US_ASCII), 0, text.length());
    }

    ListOutput bytes(byte[] bytes, int from, int count) throws IOException {
        if (count > BLOCK - length) {
            flush();
            if (count > BLOCK) {
                out.write(bytes, from, count);
                return this;
            }
        }
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
        return this;
    }

    ListOutput bytes(byte[] bytes) throws IOException {
        return bytes(bytes, 0, bytes.length);
    }

    ListOutput add(int b) throws IOException {
        if (length == BLOCK) {
            flush();
        }
        buffer[length++] = (byte) b;
        return this;
    }

    /** {@code value} in decimal, as {@link Long#toString(long)} writes it. */
    ListOutput decimal(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        if (value < 0) {
            add('-');
            value = -value;
        }
        int at = digits.length;
        do {
            digits[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        return bytes(digits, at, digits.length - at);
    }

    void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }
}
