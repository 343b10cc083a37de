package org.relengine.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * {@code System.err} as libraries write to it, without what their own worker threads print there. JGit's
 * in-process upload-pack thread (a {@code file://} clone, such as the demo's extra files) prints the stack trace
 * of a fetch the client side abandoned (a full disk, a timeout) with {@code printStackTrace()}, while the clone
 * itself fails and relengine reports that in its own words.
 */
final class QuietThreads extends FilterOutputStream {

    private static final Set<String> SILENCED = Set.of("JGit-Upload-Pack");

    QuietThreads(OutputStream out) {
        super(out);
    }

    private static boolean silenced() {
        return SILENCED.contains(Thread.currentThread().getName());
    }

    @Override
    public void write(int b) throws IOException {
        if (!silenced()) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!silenced()) {
            out.write(b, off, len);
        }
    }
}
