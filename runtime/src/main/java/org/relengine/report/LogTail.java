package org.relengine.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The last lines of a task's log. Only the end of the file is read (a reposync log can be large), and bytes
 * that are not UTF-8 are shown as U+FFFD instead of failing the report.
 */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /** The last {@code count} lines; empty when there is no log. */
    static List<String> of(Path log, int count) throws IOException {
        if (log == null || !Files.isRegularFile(log)) {
            return List.of();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long size = channel.size();
            int length = (int) Math.min(size, MAX_BYTES);
            ByteBuffer bytes = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read until the buffer is full
            }
            List<String> lines = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).lines().toList();
            if (size > length && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size());   // the first line read is likely cut
            }
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        }
    }
}
