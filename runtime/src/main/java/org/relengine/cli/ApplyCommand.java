package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.relengine.compile.Recipes;
import org.relengine.plan.PlanSource;
import org.relengine.plan.RecipeHash;
import org.relengine.secrets.Redaction;
import org.relengine.report.RunReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "apply", mixinStandardHelpOptions = true,
        description = "Run a saved plan exactly; refuse it when its recipe changed since it was made.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the plan is stale or unreadable", "3:a required task failed"})
final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "A plan file written by `relengine plan --out`.")
    Path planFile;

    @picocli.CommandLine.Mixin
    ResumeOptions resume = new ResumeOptions();

    @Option(names = "--dry-run", description = "Print what the plan would do; change nothing, run nothing.")
    boolean dryRun;

    @Option(names = "--source", paramLabel = "URL", description = "The --source URL the plan was made with, "
            + "credentials included: a plan file does not keep them.")
    String source;

    @Mixin
    ReportingOptions reporting = new ReportingOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PlanFile.Saved saved;
        try {
            saved = PlanFile.read(planFile);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("relengine: there is no plan " + planFile);
            return ExitCode.ERRORS;
        } catch (org.relengine.compile.RecipeFile.Refused e) {
            err.println("relengine: cannot use " + planFile + ": " + e.reason());
            err.println("  hint: " + e.hint());
            return ExitCode.ERRORS;
        } catch (IOException e) {
            err.println("relengine: cannot use " + planFile + ": " + e.getMessage());
            return ExitCode.ERRORS;
        }
        String credentials = credentials(saved.planning().source);
        if (credentials != null) {
            err.println("relengine: " + credentials);
            return ExitCode.ERRORS;
        }
        if (source != null) {
            saved.planning().source = source;
        }
        if (!Files.exists(saved.recipe())) {
            err.println("relengine: the plan's recipe " + saved.recipe() + " does not exist (run apply from the "
                    + "directory the plan was made in)");
            return ExitCode.ERRORS;
        }
        Recipes.Result loaded = Recipes.load(saved.recipe());
        if (loaded.files().isEmpty()) {
            // the file the plan names is no recipe (R100 says why, and nothing of it was read): nothing to compare
            DiagnosticsPrinter.text(saved.recipe().toString(), loaded, err);
            return ExitCode.ERRORS;
        }
        // Compared before anything of the recipe is shown: a plan file is input like any other, and one that names
        // a recipe it was not made from must not make apply print that file's lines in code frames. The hash covers
        // every file read and its text; a plan can only record the hash of a file's text for someone who knows the
        // text already, so the diagnostics of a recipe whose hash matches disclose nothing.
        String hash = RecipeHash.of(loaded.files(), loaded.sources());
        if (!hash.equals(saved.hash())) {
            err.println("relengine: refusing a stale plan: " + String.join(" or ", loaded.files())
                    + " changed since " + planFile + " was made");
            err.println("  plan made from " + (saved.hash().isEmpty() ? "(no hash)" : saved.hash()));
            err.println("  recipe is now  " + hash);
            err.println("  hint: make a new plan: relengine plan " + saved.recipe() + saved.planning().asArguments()
                    + " --out " + planFile);
            return ExitCode.ERRORS;
        }
        RecipePlanning.Planned now = RecipePlanning.plan(loaded, saved.recipe(), saved.planning(), null, err);
        if (!now.ok()) {
            return now.exitCode();
        }
        PlanSource source = PlanFile.source(saved.recipe(), now.loaded(), false);
        if (!PlanFile.tasks(now.plan(), source).equals(saved.json().path("tasks"))) {
            err.println("relengine: refusing a stale plan: the same recipe now plans different tasks than "
                    + planFile + " holds (relengine or its inputs changed)");
            err.println("  hint: make a new plan: relengine plan " + saved.recipe() + saved.planning().asArguments()
                    + " --out " + planFile);
            return ExitCode.ERRORS;
        }
        if (saved.planning().dateStamp == null) {
            // the plan leaves the compose's date stamp open: this run allocates it, or resumes the latest
            String stamp = DateStamp.now();
            now = RecipePlanning.plan(loaded, saved.recipe(), saved.planning(), stamp, err);
            if (resume.resume && now.ok() && now.plan().full()) {
                now = ResumableCompose.replan(now, saved.recipe(), saved.planning(), stamp, err);
            }
            if (!now.ok()) {
                return now.exitCode();
            }
        }
        if (!dryRun) {
            // a saved plan is the confirmation: it was reviewed as a whole, production included
            RunReports reports = reporting.reports();
            if (!RealRun.check(reports, err)) {
                return ExitCode.ERRORS;
            }
            int exit = RealRun.run(now.plan(), new RealRun.Settings(null, java.time.Duration.ofMinutes(120), true,
                    resume, reports, "relengine apply " + planFile), spec.commandLine().getOut(), err);
            return RealRun.report(reports, exit, spec.commandLine().getOut(), err);
        }
        DryRun.walk(now.plan(), spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /**
     * Why {@code --source} cannot give the plan its source URL back, or null when it can (or need not): a plan
     * made with a {@code --source} URL that had credentials keeps it with them hidden, and only that URL, with
     * them, may stand in for it.
     */
    private String credentials(String saved) {
        boolean hidden = saved != null && Redaction.hides(saved);
        if (hidden && source == null) {
            return planFile + " was made with --source " + saved + ", whose credentials a plan file does not keep"
                    + "\n  hint: give the URL again: relengine apply " + planFile + " --source URL";
        }
        if (hidden && !Redaction.text(source).equals(saved)) {
            return "--source " + Redaction.text(source) + " is not the URL " + planFile + " was made with (" + saved + ")"
                    + "\n  hint: give the same URL, with its credentials";
        }
        if (!hidden && source != null) {
            return "--source gives back the credentials of a plan made with a --source URL that had them; "
                    + planFile + " was made with " + (saved == null ? "the recipe's source" : "--source " + saved)
                    + "\n  hint: leave out --source";
        }
        return null;
    }
}
