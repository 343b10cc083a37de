package org.relengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.relengine.compile.Recipes;
import org.relengine.model.Recipe;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanException;
import org.relengine.plan.PlanOptions;
import org.relengine.steps.StepRegistry;
import org.relengine.plan.RecipeOverrides;

/** Loading a recipe and planning it, with every failure printed for the user and turned into an exit code. */
final class RecipePlanning {

    /** Either a plan (with the loaded recipe) or the exit code to stop with. */
    record Planned(Plan plan, Recipes.Result loaded, int exitCode) {
        boolean ok() {
            return plan != null;
        }
    }

    private RecipePlanning() {
    }

    static Planned plan(Path file, PlanningOptions planning, String defaultStamp, PrintWriter err) {
        return plan(Recipes.load(file), file, planning, defaultStamp, err);
    }

    /** As {@link #plan(Path, PlanningOptions, String, PrintWriter)}, for a recipe already read from {@code file}. */
    static Planned plan(Recipes.Result loaded, Path file, PlanningOptions planning, String defaultStamp,
                        PrintWriter err) {
        if (!loaded.ok()) {
            DiagnosticsPrinter.text(file.toString(), loaded, err);
            return new Planned(null, loaded, ExitCode.ERRORS);
        }
        PlanOptions options;
        try {
            options = planning.toOptions(defaultStamp);
        } catch (PlanningOptions.UsageException e) {
            err.println("relengine: " + e.getMessage());
            err.println("Try 'relengine " + planning.command + " --help' for more information.");
            return new Planned(null, loaded, ExitCode.USAGE);
        }
        if (planning.executor != null && !planning.executor.equals("local")) {
            err.println("relengine: --executor takes `local` (this version drives no other executor), not `"
                    + planning.executor + "`");
            err.println("Try 'relengine " + planning.command + " --help' for more information.");
            return new Planned(null, loaded, ExitCode.USAGE);
        }
        Recipe recipe = RecipeOverrides.apply(loaded.recipe(), planning.root, planning.source,
                planning.executor != null);
        try {
            return new Planned(StepRegistry.plan(recipe, options), loaded, ExitCode.OK);
        } catch (PlanException e) {
            err.println("relengine: " + e.getMessage());
            if (e.hint() != null) {
                err.println("  hint: " + e.hint());
            }
            return new Planned(null, loaded, ExitCode.ERRORS);
        }
    }
}
