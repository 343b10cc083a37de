package org.relengine.exec;

import java.io.IOException;
import java.nio.file.Path;
import org.relengine.formats.NoSpace;

/**
 * relengine could not write a file of its own that says how the compose stands: the journal, the plan's copy,
 * STATUS. A run that cannot record what its tasks do must not start more of them; this is the user's to fix
 * (a full disk, a file system gone read-only), not a defect of relengine.
 */
public final class StateWriteFault extends RuntimeException {

    private final transient Path file;
    private final boolean noSpace;

    public StateWriteFault(Path file, IOException cause) {
        super(describe(file, cause), cause);
        this.file = file;
        this.noSpace = NoSpace.caused(cause, file);
    }

    private static String describe(Path file, IOException cause) {
        if (NoSpace.caused(cause, file)) {
            return "no space left on device writing " + file;
        }
        String reason = cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                ? fs.getReason() : cause.getMessage();
        return "cannot write " + file + ": " + (reason == null ? cause.getClass().getSimpleName() : reason);
    }

    public Path file() {
        return file;
    }

    public boolean noSpace() {
        return noSpace;
    }

    /** What to do about it: the compose is left as it was recorded, so --resume continues it. */
    public String hint() {
        String cause = noSpace ? "free space on the file system of " + file.getParent()
                : java.nio.file.Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? "remove the directory that stands at " + file : "make " + file + " writable";
        return cause
                + ", then continue the compose with --resume (the tasks whose end could not be recorded run again)";
    }
}
