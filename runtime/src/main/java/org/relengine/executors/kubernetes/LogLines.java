package org.relengine.executors.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A pod's log as it streams in, written into the task's log a whole line at a time. */
final class LogLines extends OutputStream {

    private final PrintWriter log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogLines(PrintWriter log) {
        this.log = log;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
        log.flush();
    }

    private void emit() {
        log.println(line.toString(StandardCharsets.UTF_8));
        log.flush();
        line.reset();
    }
}
