package org.relengine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.relengine.secrets.RedactedOutput;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code relengine}: the command line. */
@Command(name = "relengine", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Release engineering for RPM distributions: validate, plan and run compose recipes.",
        subcommands = {ValidateCommand.class, ShowCommand.class, PlanCommand.class, RunCommand.class, ApplyCommand.class,
            DiffCommand.class, DemoCommand.class, StatusCommand.class, ExplainCommand.class, DoctorCommand.class,
            FileListsCommand.class, SyncCommand.class,
            AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the recipe has errors, or the command failed",
            "2:plan: there are tasks to run",
            "3:run: a required task failed",
            "64:the command line is wrong",
            "70:internal error (a defect in relengine; please report it)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // every line relengine prints passes through the redaction, whatever prints it (a plan, a diagnostic
        // quoting the recipe, a library's warning on System.err): a source URL's password is never shown
        RedactedOutput stdout = new RedactedOutput(new FileOutputStream(FileDescriptor.out));
        RedactedOutput stderr = new RedactedOutput(new FileOutputStream(FileDescriptor.err));
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new QuietThreads(stderr), true, StandardCharsets.UTF_8));
        // UTF-8 whatever the locale: diagnostics quote recipes, and recipes are UTF-8
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        int exit = execute(args, out, err);
        // a last line without its line break is held by the redaction until now
        out.flush();
        err.flush();
        System.out.flush();
        System.err.flush();
        System.exit(exit);
    }

    /** Runs the command line with the given streams and returns its exit code; used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("relengine: " + e.getMessage());
            if (!"UTF-8".equals(System.getProperty("sun.jnu.encoding"))
                    && java.util.Arrays.stream(arguments).anyMatch(a -> a.chars().anyMatch(c -> c > 127))) {
                // Java names files in the locale's charset; without a UTF-8 locale a non-ASCII name cannot be opened
                failed.getErr().println("  hint: the locale is not UTF-8 (LANG=" + System.getenv("LANG") + "), so Java "
                        + "cannot name a file with non-ASCII characters: set LANG=C.UTF-8, or run ./relengine, "
                        + "which does");
            }
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                UsageSuggestions.print(unmatched, failed.getErr());
            }
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof org.relengine.exec.StateWriteFault stopped) {
                // a run that could not record its start: it failed, as a run whose task failed does
                commandLine.getErr().println("relengine: " + stopped.getMessage());
                commandLine.getErr().println("  hint: " + stopped.hint());
                return ExitCode.TASK_FAILED;
            }
            java.util.Optional<FileFault> fault = FileFault.of(e);
            if (fault.isPresent()) {
                commandLine.getErr().println("relengine: " + fault.get().message());
                commandLine.getErr().println("  hint: " + fault.get().hint());
                return ExitCode.ERRORS;
            }
            commandLine.getErr().println("relengine: internal error: " + e);
            if (System.getenv("RELENGINE_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("This is a defect in relengine, not in your recipe. "
                        + "Set RELENGINE_DEBUG=1 for the stack trace and please report it.");
            }
            return ExitCode.INTERNAL;
        });
        CommandLine completion = cli.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"relengine " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version")};
        }
    }
}
