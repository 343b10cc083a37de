package org.relengine.cli;

import java.nio.file.Path;
import java.util.List;
import org.relengine.demo.DemoFixtures;
import org.relengine.demo.DemoRecipe;
import org.relengine.model.Recipe;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanOptions;
import org.relengine.steps.StepRegistry;
import org.relengine.plan.Scope;
import org.relengine.tools.PlanPrograms;
import org.relengine.tools.ProgramCatalog;

/** How the demo plans its compose: the recipe pointed at the demo's server, a full run of everything. */
final class DemoPlanning {

    /** Stands in for the server before it runs: which programs a plan runs does not depend on where it syncs from. */
    private static final String NO_SERVER = "http://127.0.0.1:9";

    private DemoPlanning() {
    }

    /** The recipe pointed at the demo's server and its extra files' repository, composing into {@code out}. */
    static Recipe adapt(Recipe recipe, Path out, String serverUrl, String s3Endpoint, Path git, Path gnupg,
                        String container, boolean elsewhere) {
        return DemoRecipe.adapt(recipe, out.toAbsolutePath().normalize().toString(), serverUrl, s3Endpoint, git,
                gnupg, container, elsewhere);
    }

    /** A full run of everything the adapted recipe declares. */
    static Plan plan(Recipe demo, String stamp) {
        return StepRegistry.plan(demo, new PlanOptions(true, List.of(), List.of(), Scope.ALL, true, true, null, stamp));
    }

    /** Every program the demo runs: its compose's, and those its fixtures are built with. */
    static PlanPrograms programs(Recipe recipe, Path out) {
        // everything on this machine: where podman cannot run them, the demo's podman steps run here
        Plan plan = plan(adapt(recipe, out, NO_SERVER, NO_SERVER, out.resolve("git"), out.resolve("gnupg"), null, false),
                DateStamp.now());
        return PlanPrograms.of(plan, ProgramCatalog.SHIPPED).with(DemoFixtures.PROGRAMS, "demo fixtures");
    }
}
