package org.relengine.steps.extrafiles;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.relengine.model.Executor;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.prepare.PrepareStep;

/** {@code extraFiles}: the release's EULA, LICENSE and keys from a git repository at a ref, for the discs. */
public final class ExtraFilesStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("extrafiles", "compose", TaskKind.Inputs.GIT_REFS);
    public static final TaskKey KEY = TaskKey.of(KIND);

    private static final OperationKey FETCH = new OperationKey("fetch-extra-files");

    public ExtraFilesStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        var extra = context.recipe().extraFiles();
        if (extra == null) {
            return;
        }
        ComposeLayout layout = context.layout();
        // published with the compose's metadata (a SIG's in its own tree); the record of where they came from stays
        // with the compose's
        String published = layout.publishedMetadata();
        List<String> outputs = published.equals(layout.metadata()) ? List.of(layout.extraFiles(), published)
                : List.of(layout.extraFiles(), published, layout.metadata());
        context.add(new PlannedTask(KEY, null, null, List.of(PrepareStep.KEY), List.of(extra.git() + "@" + extra.ref()),
                outputs, Executor.LOCAL, false, List.of(
                new Action.MakeDirectory(layout.extraFiles()),
                new Action.Internal(FETCH, "fetch " + String.join(", ", extra.files()) + " from " + extra.git()
                        + " at " + extra.ref() + " (JGit) into " + layout.extraFiles() + " and " + published,
                        outputs, Params.of("git", extra.git(),
                        "ref", extra.ref(), "files", String.join(",", extra.files()), "into", layout.extraFiles(),
                        "metadata", published, "record", layout.metadata() + "/extra-files-source.json")))));
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(FETCH, (p, log, context) -> {
            String commit = ExtraFilesFetch.fetch(p.get("git"), p.get("ref"), Arrays.asList(p.get("files").split(",")),
                    Path.of(p.get("into")), Path.of(p.get("metadata")), Path.of(p.get("record")),
                    context.scratch().resolve("extra-files"), context.network());
            log.println("extra files from " + p.get("git") + " at " + p.get("ref") + " (commit " + commit + ")");
        });
    }
}
