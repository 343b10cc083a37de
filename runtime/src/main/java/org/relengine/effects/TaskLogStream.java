package org.relengine.effects;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.relengine.formats.NoSpace;
import org.relengine.secrets.RedactedOutput;

/**
 * A task's log as a command's output goes into it. When the log cannot be written (a full disk), what the
 * command says is dropped rather than left in its pipe, where a command that says much would block until it
 * is killed; the fault is kept, so that the task's failure can say why its log is short.
 */
final class TaskLogStream extends OutputStream {

    private final Path file;
    private final OutputStream out;
    private IOException fault;

    TaskLogStream(Path file) throws IOException {
        this.file = file;
        // what a command prints may hold a URL with its password: every line is redacted on its way in
        this.out = new RedactedOutput(new FileOutputStream(file.toFile(), true));
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (fault != null) {
            return;
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            fault = e;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Why the log is short, in a phrase naming it; null when everything was written. */
    synchronized String lost() {
        if (fault == null) {
            return null;
        }
        return NoSpace.caused(fault, file) ? "no space left on device writing " + file + ", its log"
                : "cannot write its log " + file + ": " + fault.getMessage();
    }
}
