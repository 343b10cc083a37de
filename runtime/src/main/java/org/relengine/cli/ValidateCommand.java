package org.relengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.relengine.compile.Recipes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "validate", mixinStandardHelpOptions = true,
        description = "Check recipes: every error at once, each at its file, line and column.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every recipe is valid", "1:at least one recipe has errors"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RECIPE", description = "Recipe files.")
    List<Path> recipes;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> files = new ArrayList<>();
        List<Recipes.Result> results = new ArrayList<>();
        boolean ok = true;
        for (Path recipe : recipes) {
            Recipes.Result result = Recipes.load(recipe);
            files.add(recipe.toString());
            results.add(result);
            ok &= result.ok();
            if (format == OutputFormat.text) {
                DiagnosticsPrinter.text(recipe.toString(), result, out);
            }
        }
        if (format == OutputFormat.json) {
            DiagnosticsPrinter.print(DiagnosticsPrinter.json(files, results), out);
        }
        return ok ? ExitCode.OK : ExitCode.ERRORS;
    }
}
