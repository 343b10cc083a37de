package org.relengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.relengine.compile.Recipes;
import org.relengine.tools.PackageManager;
import org.relengine.tools.PlanPrograms;
import org.relengine.tools.Program;
import org.relengine.tools.ProgramCatalog;
import org.relengine.tools.ProgramCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check that the programs a job runs are here, with their versions, and print the one command "
                + "that installs what is missing.",
            "The programs are read off the plan: without RECIPE, those `relengine demo` runs; with RECIPE, those a "
                + "run of it runs on this machine (with the same planning options as `plan`)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every program is here (with --packages: always, unless the recipe has errors)",
            "1:a program is missing, or the recipe has errors"})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RECIPE", description = "The recipe whose run to check (default: the demo).")
    Path recipe;

    @Option(names = "--all", description = "Every program relengine knows: every step's, the demo's and the tests'.")
    boolean all;

    @Option(names = "--tests", description = "The programs relengine's own test suite runs (what .ci/run installs).")
    boolean tests;

    @Option(names = "--packages", paramLabel = "apt|dnf", converter = ManagerConverter.class,
            description = "Print only the packages that install the missing programs with apt-get or dnf, on one "
                    + "line (nothing when none is missing), for scripts: `apt-get install $(relengine doctor "
                    + "--all --packages apt)`.")
    PackageManager packages;

    @Mixin
    PlanningOptions planning = new PlanningOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        planning.command = "doctor";
        List<String> names;
        Map<String, Set<String>> usedBy;
        String what;
        if (all || tests) {
            names = ProgramCatalog.SHIPPED.all().stream().filter(p -> all || p.tests()).map(Program::name).toList();
            usedBy = Map.of();
            what = all ? "every program relengine runs" : "the programs relengine's tests run";
        } else if (recipe != null) {
            RecipePlanning.Planned planned = RecipePlanning.plan(recipe, planning, null, err);
            if (!planned.ok()) {
                return planned.exitCode();
            }
            PlanPrograms programs = PlanPrograms.of(planned.plan(), ProgramCatalog.SHIPPED);
            names = List.copyOf(programs.here());
            usedBy = programs.programs();
            what = "the programs a run of " + recipe + " runs on this machine";
        } else {
            Path file = DemoCommand.shippedRecipe();
            Recipes.Result loaded = Recipes.load(file);
            if (!loaded.ok()) {
                DiagnosticsPrinter.text(file.toString(), loaded, err);
                return ExitCode.ERRORS;
            }
            PlanPrograms programs = DemoPlanning.programs(loaded.recipe(), Path.of("demo"));
            names = List.copyOf(programs.here());
            usedBy = programs.programs();
            what = "the programs `relengine demo` runs";
        }
        if (packages != null) {
            ProgramCheck.Packages needed = Doctor.packages(Doctor.missing(names), packages);
            out.println(String.join(" ", needed.packages()));
            needed.unavailable().forEach(p -> err.println("relengine doctor: " + p.name() + ": " + p.noApt()));
            out.flush();
            return ExitCode.OK;
        }
        out.println("relengine doctor: " + what);
        List<String> missing = Doctor.report(names, usedBy, out);
        boolean unusable = false;
        if (names.contains("podman") && !missing.contains("podman")) {
            org.relengine.tools.PodmanCheck podman = org.relengine.tools.PodmanCheck.run();
            out.println(podman.usable() ? "  podman starts containers here (" + podman.runtime() + ")"
                    : "  podman cannot start a container here: " + podman.reason());
            // the demo runs its podman steps here instead; a recipe's run would fail at its first container
            unusable = !podman.usable() && recipe != null;
        }
        if (missing.isEmpty()) {
            out.println(unusable ? "Every program is here, but podman cannot run the recipe's `on: podman` steps."
                    : "Everything is here.");
            out.flush();
            return unusable ? ExitCode.ERRORS : ExitCode.OK;
        }
        out.println();
        out.println(missing.size() + " missing: " + String.join(", ", missing));
        Doctor.installAdvice(missing).forEach(line -> out.println("  " + line));
        out.flush();
        return ExitCode.ERRORS;
    }

    /** `apt` or `dnf`. */
    static final class ManagerConverter implements picocli.CommandLine.ITypeConverter<PackageManager> {
        @Override
        public PackageManager convert(String value) {
            for (PackageManager manager : PackageManager.values()) {
                if (manager.word().equals(value)) {
                    return manager;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("`" + value + "` is not apt or dnf");
        }
    }
}
