package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.relengine.plan.PlanGraph;
import org.relengine.plan.PlanJson;
import org.relengine.plan.PlanSource;
import org.relengine.plan.PlanText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a compose: the task graph a run would perform, changing nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing to do", "1:the recipe or the options have errors", "2:there are tasks to run"})
final class PlanCommand implements Callable<Integer> {

    enum Format { text, json, dot, mermaid, markdown }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECIPE", description = "Recipe file.")
    Path recipe;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json, dot, mermaid or markdown.")
    Format format;

    @Option(names = "--out", paramLabel = "PLAN", description = "Also save the plan to this file, for `relengine apply`.")
    Path out;

    @Mixin
    PlanningOptions planning;

    {
        planning = new PlanningOptions();
        planning.command = "plan";
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecipePlanning.Planned planned = RecipePlanning.plan(recipe, planning, null, err);
        if (!planned.ok()) {
            return planned.exitCode();
        }
        PlanSource source = PlanFile.source(recipe, planned.loaded(), out != null || format == Format.markdown);
        String text = switch (format) {
            case text -> PlanText.render(planned.plan(), org.relengine.steps.StepRegistry.standard().kinds());
            case json -> PlanJson.render(planned.plan(), source);
            case dot -> PlanGraph.dot(planned.plan());
            case mermaid -> PlanGraph.mermaid(planned.plan());
            case markdown -> PlanText.markdown(planned.plan(), source, org.relengine.steps.StepRegistry.standard().kinds());
        };
        stdout.print(text);
        stdout.flush();
        if (out != null) {
            PlanFile.write(out, planned.plan(), source, planning);
            err.println("relengine: plan saved to " + out + "; run it with: relengine apply " + out);
        }
        return planned.plan().tasks().isEmpty() ? ExitCode.OK : ExitCode.TASKS_TO_RUN;
    }
}
