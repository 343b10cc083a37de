package org.relengine.secrets;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that passes each line on with its secrets hidden ({@link Redaction}): what goes to the
 * console and into task logs, including whatever the tools a task runs print. A line is held until its end, so
 * that a URL written in pieces is still seen whole; {@link #flush()} passes on a line held so far (a prompt, a
 * progress line), and so does a line longer than {@value #LONGEST} bytes. Bytes are read as ISO-8859-1, one
 * character each, so that output that is not UTF-8 passes unchanged.
 */
public final class RedactedOutput extends FilterOutputStream {

    static final int LONGEST = 1 << 16;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public RedactedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= LONGEST) {
            pass();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws IOException {
        int from = off;
        for (int i = off; i < off + len; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, from, i + 1 - from);
                pass();
                from = i + 1;
            }
        }
        line.write(bytes, from, off + len - from);
        if (line.size() >= LONGEST) {
            pass();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        pass();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    private void pass() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        out.write(Redaction.text(text).getBytes(StandardCharsets.ISO_8859_1));
    }
}
