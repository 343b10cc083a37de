package org.relengine.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A name the lists leave out: a line of {@code fullfilelist} or {@code fullfiletimelist} ends at a newline (and,
 * read by tools that take CR LF as a line end, at a carriage return) and splits its fields at tabs, so a name
 * with any of them would end its line early and make the rest a line of its own: a forged entry. A directory
 * left out takes everything below it along, whose paths all hold its name.
 *
 * @param path      the path below the listed directory, as the file system holds its bytes
 * @param directory whether it is a directory
 */
public record UnlistedName(byte[] path, boolean directory) {

    /** True for a name that no line of the lists can hold. */
    static boolean unlistable(byte[] name) {
        for (byte b : name) {
            if (b == '\n' || b == '\t' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * The path as a message shows it, on one line and unambiguous: {@code \n}, {@code \t}, {@code \r}, other
     * control characters and bytes that are not UTF-8 as {@code \xNN}, a backslash doubled; a directory's with a
     * trailing {@code /}.
     */
    public String shown() {
        StringBuilder shown = new StringBuilder();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(path);
        CharBuffer out = CharBuffer.allocate(path.length);
        while (in.hasRemaining()) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            escape(out, shown);
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    shown.append(String.format("\\x%02X", in.get() & 0xff));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return directory ? shown.append('/').toString() : shown.toString();
    }

    private static void escape(CharSequence chars, StringBuilder into) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            switch (c) {
                case '\n' -> into.append("\\n");
                case '\t' -> into.append("\\t");
                case '\r' -> into.append("\\r");
                case '\\' -> into.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        into.append(String.format("\\x%02X", (int) c));
                    } else {
                        into.append(c);
                    }
                }
            }
        }
    }
}
