package org.relengine.steps.filelists;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.relengine.formats.FileList;
import org.relengine.formats.FileModes;
import org.relengine.model.Executor;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.TaskFailure;

/**
 * {@code filelists}: Rocky's sync-file-list-parallel. The mirror file lists of each module of the published tree,
 * once, after the last sync into it.
 */
public final class FileListsStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("filelists", "publish");
    public static final TaskKey KEY = TaskKey.of(KIND);

    private static final OperationKey WRITE_FILE_LISTS = new OperationKey("write-file-lists");

    public FileListsStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        var filelists = context.recipe().step(Step.FileLists.class);
        if (filelists.isEmpty()) {
            return;
        }
        String root = context.recipe().step(Step.Production.class).isPresent()
                ? context.recipe().roots().production() : context.recipe().roots().staging();
        List<Action> actions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String module : filelists.get().modules()) {
            String dir = root + "/mirror/pub/" + module;
            actions.add(new Action.Internal(WRITE_FILE_LISTS, "write fullfilelist and fullfiletimelist-" + module
                    + " of " + dir + ", then its copies fullfiletimelist and fullfiletimelist-" + module + "-linux"
                    + ", each 0644", List.of(dir), Params.of("dir", dir, "module", module)));
            outputs.add(dir + "/fullfiletimelist-" + module);
        }
        context.add(new PlannedTask(KEY, null, null, context.publishAfter(), List.of(root + "/mirror/pub"), outputs,
                Executor.LOCAL, false, actions));
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(WRITE_FILE_LISTS, (p, log, context) -> write(Path.of(p.get("dir")), p.get("module"), log));
    }

    /** Rocky's lists: the module's own, and the copies its mirror scripts read under other names. */
    private static void write(Path dir, String module, PrintWriter log) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new TaskFailure("there is no " + dir + " to list");
        }
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            var written = FileList.write(dir, module, pool);
            written.warning(dir).forEach(log::println);
            Path list = dir.resolve("fullfiletimelist-" + module);
            for (String copy : List.of("fullfiletimelist", "fullfiletimelist-" + module + "-linux")) {
                Path partial = dir.resolve("." + copy + ".part");
                Files.copy(list, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(partial, FileModes.FILE);
                Files.move(partial, dir.resolve(copy), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            log.println(written.entries() + " entries listed in " + list);
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.FileLists s ? Optional.of(new StepDescription().add("modules "
                + String.join(", ", s.modules()))) : Optional.empty();
    }
}
