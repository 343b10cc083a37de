package org.relengine.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a failed write ran out of space. The JDK words ENOSPC in the C library's language, which is English
 * only in an English or C locale; so where the words differ, a file system with next to nothing left says it.
 */
public final class NoSpace {

    /** Less than this left counts as full: tmpfs and ext4 refuse a write long before their last byte. */
    private static final long NEARLY_NOTHING = 64 * 1024;

    private NoSpace() {
    }

    /** Whether {@code failure}, or a cause of it, is a full disk; {@code file} is where the write went. */
    public static boolean caused(Throwable failure, Path file) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return failure instanceof IOException && full(file);
    }

    /** Whether the file system {@code file} is on (or would be on) has next to nothing left. */
    public static boolean full(Path file) {
        return under(file, NEARLY_NOTHING);
    }

    /**
     * Whether the file system {@code file} is on has less than {@code bytes} left: once a run has failed, what the
     * failed tools removed may have given back a little of a disk they filled.
     */
    public static boolean under(Path file, long bytes) {
        for (Path p = file == null ? null : file.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace() < bytes;
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
