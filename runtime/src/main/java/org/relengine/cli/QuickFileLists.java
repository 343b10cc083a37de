package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.relengine.formats.FileList;
import org.relengine.model.FileListModule;

/**
 * {@code relengine filelists} started on its own (the launcher's fast path): the command line is read by hand,
 * so that neither picocli nor anything else but the walk is loaded. A mirror's list takes about a second, and
 * picocli (which also pulls in part of Groovy) made the JVM load 2,000 classes instead of 700 before it.
 * Anything beyond {@code --quiet}, {@code --module NAME} and directories (help, version, errors) goes to the
 * full command line ({@link Main}), so it is read and reported exactly as {@code relengine filelists} does.
 */
public final class QuickFileLists {

    private QuickFileLists() {
    }

    /** What the command line asks for, when it is only directories, {@code --quiet} and {@code --module}. */
    record Request(List<Path> dirs, String module, boolean quiet) {
    }

    public static void main(String[] args) {
        Request request = parse(args);
        if (request == null) {
            QuickStart.full("filelists", args);
            return;
        }
        PrintWriter out = QuickStart.stdout();
        PrintWriter err = QuickStart.stderr();
        System.exit(run(request.dirs(), request.module(), request.quiet(), out, err));
    }

    /** The request, or null where picocli must read the command line (anything it would read differently). */
    static Request parse(String[] args) {
        String module = null;
        boolean quiet = false;
        boolean options = true;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && arg.equals("--quiet") && !quiet) {
                quiet = true;
            } else if (options && arg.equals("--module") && module == null && i + 1 < args.length
                    && !args[i + 1].isEmpty() && !args[i + 1].startsWith("-")) {
                module = args[++i];
            } else if (options && arg.startsWith("--module=") && module == null && arg.length() > "--module=".length()) {
                module = arg.substring("--module=".length());
            } else if (arg.isEmpty() || arg.startsWith("@") || options && arg.startsWith("-")) {
                return null;
            } else {
                dirs.add(Path.of(arg));
            }
        }
        // a module that is refused is reported by the full command line, as a usage error
        return dirs.isEmpty() || module != null && FileListModule.refusal(module) != null ? null
                : new Request(dirs, module == null ? "rocky" : module, quiet);
    }

    /** Writes the lists of each directory in turn; the exit code says whether all were written. */
    static int run(List<Path> dirs, String module, boolean quiet, PrintWriter out, PrintWriter err) {
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    err.println("relengine: " + dir + " is not a directory");
                    return ExitCode.ERRORS;
                }
                long start = System.nanoTime();
                FileList.Written written = FileList.write(dir, module, pool);
                // also with --quiet: a name left out is not "all went well"
                written.warning(dir).forEach(line -> err.println(line.startsWith("  ") ? line : "relengine: " + line));
                if (!quiet) {
                    out.printf("%s: %d entries in fullfilelist and fullfiletimelist-%s (%d ms)%n", dir,
                            written.entries(), module, (System.nanoTime() - start) / 1_000_000);
                }
            }
            return ExitCode.OK;
        } catch (IOException | UncheckedIOException e) {
            err.println("relengine: " + e.getMessage());
            return ExitCode.ERRORS;
        } finally {
            pool.shutdown();
        }
    }
}
