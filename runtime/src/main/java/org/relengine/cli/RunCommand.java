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

    @Option(names = "--preview-json", paramLabel = "FILE",
            description = "With --dry-run: write every file each publish sync would change to FILE, as JSON.")
    Path previewJson;

    @Option(names = "--jobs", paramLabel = "N", converter = JobsConverter.class,
            description = "Tasks run at the same time, 1 to 1024 (default: the number of cores).")
    Integer jobs;

    @Option(names = "--confirm", description = "Allow the run to publish to production.")
    boolean confirm;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120", converter = DurationConverter.class,
            description = "Stop a task that takes longer, its commands and network waits included: minutes, or 90s, 30m, 2h (default 120 minutes).")
    java.time.Duration timeout;

    @Mixin
    PlanningOptions planning;

    @Mixin
    ResumeOptions resume = new ResumeOptions();

    @Mixin
    ReportingOptions reporting = new ReportingOptions();

    {
        planning = new PlanningOptions();
        planning.command = "run";
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (previewJson != null && !dryRun) {
            spec.commandLine().getErr().println("relengine: --preview-json goes with --dry-run: a real run logs its "
                    + "previews in the stage and promote logs");
            return ExitCode.USAGE;
        }
        String stamp = DateStamp.now();
        java.util.List<org.relengine.plan.Plan> plans = new java.util.ArrayList<>();
        for (Path recipe : recipes) {
            RecipePlanning.Planned planned = RecipePlanning.plan(recipe, planning, stamp, spec.commandLine().getErr());
            if (!planned.ok()) {
                return planned.exitCode();
            }
            if (resume.resume && planned.plan().full() && planning.dateStamp == null) {
                planned = ResumableCompose.replan(planned, recipe, planning, stamp, spec.commandLine().getErr());
                if (!planned.ok()) {
                    return planned.exitCode();
                }
            }
            plans.add(planned.plan());
        }
        plans = FileListsOnce.last(plans);
        if (dryRun) {
            List<PreviewJson.Previewed> previews = new java.util.ArrayList<>();
            for (org.relengine.plan.Plan plan : plans) {
                DryRun.walk(plan, spec.commandLine().getOut())
                        .forEach(p -> previews.add(new PreviewJson.Previewed(plan.recipeFile(), p)));
            }
            if (previewJson != null) {
                // the one file a dry run writes, because it was asked for
                org.relengine.formats.AtomicFiles.write(previewJson, PreviewJson.render(previews));
                spec.commandLine().getOut().println("Preview of " + previews.size() + " publish syncs written to "
                        + previewJson);
            }
            return ExitCode.OK;
        }
        org.relengine.report.RunReports reports = reporting.reports();
        if (!RealRun.check(reports, spec.commandLine().getErr())) {
            return ExitCode.ERRORS;
        }
        int exit = ExitCode.OK;
        for (org.relengine.plan.Plan plan : plans) {
            exit = RealRun.run(plan, new RealRun.Settings(jobs, timeout, confirm, resume, reports, "relengine run "
                    + recipes.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" "))),
                    spec.commandLine().getOut(),                    spec.commandLine().getErr());
            if (exit != ExitCode.OK) {
                break;
            }
        }
        return RealRun.report(reports, exit, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
