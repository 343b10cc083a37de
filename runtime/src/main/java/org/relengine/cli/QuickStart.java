package org.relengine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * What the commands the launcher starts on their own ({@link QuickFileLists}, {@link QuickSync}) share: their
 * output in UTF-8 whatever the locale, as {@link Main} writes it, and the hand-over to the full command line
 * for anything they do not read themselves (help, version, argument files, mistakes), so that it is read and
 * reported exactly as the full command reads it.
 */
final class QuickStart {

    private QuickStart() {
    }

    static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                true);
    }

    static PrintWriter stderr() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
                true);
    }

    /** {@code relengine COMMAND ARGS…} through the full command line. */
    static void full(String command, String[] args) {
        String[] full = new String[args.length + 1];
        full[0] = command;
        System.arraycopy(args, 0, full, 1, args.length);
        Main.main(full);
    }
}
