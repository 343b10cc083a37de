package org.relengine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "run", mixinStandardHelpOptions = true,
        description = "Run a compose. With --dry-run: print every command and file change it would make, change nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the recipe or the options have errors", "3:a required task failed"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RECIPE", description = "Recipe files, run one after another.")
    List<Path> recipes;

    @Option(names = "--dry-run", description = "Print what would be done; change nothing, run nothing.")
    boolean dryRun;

    @Mixin
    PlanningOptions planning;

    @Override
    public Integer call() {
        if (!dryRun) {
            spec.commandLine().getErr().println("relengine: real runs are not available yet in this version; "
                    + "`relengine run --dry-run` shows what a run will do");
            return ExitCode.ERRORS;
        }
        String stamp = DateStamp.now();
        for (Path recipe : recipes) {
            RecipePlanning.Planned planned = RecipePlanning.plan(recipe, planning, stamp, spec.commandLine().getErr());
            if (!planned.ok()) {
                return planned.exitCode();
            }
            DryRun.walk(planned.plan(), spec.commandLine().getOut());
        }
        return ExitCode.OK;
    }
}
