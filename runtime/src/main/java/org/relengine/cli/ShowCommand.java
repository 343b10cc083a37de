package org.relengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.relengine.compile.Recipes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "show", mixinStandardHelpOptions = true,
        description = "Print the resolved model of a recipe: includes applied, defaults filled in, names derived.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the model was printed", "1:the recipe has errors (printed instead)"})
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECIPE", description = "Recipe file.")
    Path recipe;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Recipes.Result result = Recipes.load(recipe);
        if (!result.ok()) {
            if (format == OutputFormat.json) {
                DiagnosticsPrinter.print(DiagnosticsPrinter.json(List.of(recipe.toString()), List.of(result)), out);
            } else {
                DiagnosticsPrinter.text(recipe.toString(), result, spec.commandLine().getErr());
            }
            return ExitCode.ERRORS;
        }
        out.print(format == OutputFormat.json ? ModelJson.render(result.recipe()) + "\n"
                : ModelText.render(result.recipe()));
        out.flush();
        return ExitCode.OK;
    }
}
