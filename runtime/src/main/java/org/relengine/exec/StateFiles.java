package org.relengine.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.relengine.formats.AtomicFiles;
import org.relengine.formats.NoSpace;

/**
 * The files of relengine's own that say how a compose stands, besides the journal: the plan's copy and STATUS.
 * Each is written whole under a temporary name and renamed into place. STATUS must say what is true even on a
 * full disk, where no new file can be made: there it is rewritten in place, which needs no new space, since a
 * word of a few bytes fits the block the file has.
 */
final class StateFiles {

    private StateFiles() {
    }

    /** @throws StateWriteFault when {@code file} cannot be written */
    static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new StateWriteFault(file, e);
        }
    }

    /** STATUS: renamed into place, or on a full disk rewritten in place. */
    static void status(Path file, String text) {
        try {
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            if (!NoSpace.caused(e, file) || !Files.isRegularFile(file) || !rewritten(file, text)) {
                throw new StateWriteFault(file, e);
            }
        }
    }

    /**
     * Overwrites the file from its start and cuts it to the new length; only a crash in between these two can
     * leave the rest of a longer old word on a second line.
     */
    private static boolean rewritten(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long at = 0;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.truncate(bytes.length);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
