package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.relengine.formats.FileList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "filelists", mixinStandardHelpOptions = true,
        description = {"Write the mirror file lists of trees: fullfilelist and fullfiletimelist-MODULE in each DIR "
                + "(what sync-file-list-parallel.sh does). Run it once, after every sync has finished."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the lists are written", "1:a directory cannot be listed"})
public final class FileListsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Trees to list, each the top of an rsync module.")
    List<Path> dirs;

    @Option(names = "--module", paramLabel = "NAME", defaultValue = "rocky",
            description = "Module name in fullfiletimelist-NAME (default rocky).")
    String module;

    @Option(names = "--quiet", description = "Print nothing when all went well.")
    boolean quiet;

    /** Starts just this command: no recipe language is loaded, so the JVM starts in a fraction of a second. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CommandLine cli = new CommandLine(new FileListsCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("relengine: " + e.getMessage());
            return ExitCode.USAGE;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ForkJoinPool pool = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
        try {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    err.println("relengine: " + dir + " is not a directory");
                    return ExitCode.ERRORS;
                }
                long start = System.nanoTime();
                int entries = FileList.write(dir, module, pool);
                if (!quiet) {
                    out.printf("%s: %d entries in fullfilelist and fullfiletimelist-%s (%d ms)%n", dir, entries, module,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
            return ExitCode.OK;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("relengine: " + e.getMessage());
            return ExitCode.ERRORS;
        } finally {
            pool.shutdown();
        }
    }
}
