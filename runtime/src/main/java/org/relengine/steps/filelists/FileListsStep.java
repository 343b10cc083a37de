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
    private static final String ROCKY = "rocky";

    public FileListsStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        var filelists = context.recipe().step(Step.FileLists.class);
        if (filelists.isEmpty()) {
            return;
        }
        // where the run publishes last: a release candidate is not promoted, its lists are staging's
        String root = context.recipe().promotes() ? context.recipe().roots().production()
                : context.recipe().roots().staging();
        List<Action> actions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String module : filelists.get().modules()) {
            list(actions, outputs, root + "/mirror/pub/" + module, module, copies(module));
        }
        if (filelists.get().root()) {
            // after the modules, so that the root's list has their new lists; named as the toolkit names it
            list(actions, outputs, root, ROCKY, List.of("fullfiletimelist"));
        }
        context.add(new PlannedTask(KEY, null, null, context.publishAfter(), List.of(root + "/mirror/pub"), outputs,
                Executor.LOCAL, false, actions));
    }

    private static void list(List<Action> actions, List<String> outputs, String dir, String module,
                             List<String> copies) {
        actions.add(list(dir, module, copies));
        outputs.add(dir + "/fullfiletimelist-" + module);
    }

    /**
     * The lists of {@code dir}: {@code fullfilelist} and {@code fullfiletimelist-<module>} (the old one kept as
     * {@code -old}), then the copies named.
     */
    public static Action list(String dir, String module, List<String> copies) {
        String what = copies.isEmpty() ? "" : ", then " + (copies.size() > 1 ? "its copies " : "its copy ")
                + String.join(" and ", copies);
        return new Action.Internal(WRITE_FILE_LISTS, "keep fullfiletimelist-" + module + " of " + dir + " as "
                + "fullfiletimelist-" + module + "-old, write fullfilelist and fullfiletimelist-" + module + what
                + ", each 0644", List.of(dir), Params.of("dir", dir, "module", module, "copies", String.join(",", copies)));
    }

    /**
     * The names the toolkit copies a module's list to: {@code -rocky-linux} is the rocky module's alone (the root's
     * list, named fullfiletimelist-rocky too, is copied to fullfiletimelist only).
     */
    static List<String> copies(String module) {
        return module.equals(ROCKY) ? List.of("fullfiletimelist", "fullfiletimelist-rocky-linux")
                : List.of("fullfiletimelist");
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(WRITE_FILE_LISTS, (p, log, context) -> write(Path.of(p.get("dir")), p.get("module"),
                !p.containsKey("copies") ? copies(p.get("module"))
                        : p.get("copies").isEmpty() ? List.of() : List.of(p.get("copies").split(",")), log));
    }

    /** Rocky's lists: the module's own, and the copies its mirror scripts read under other names. */
    private static void write(Path dir, String module, List<String> copies, PrintWriter log) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new TaskFailure("there is no " + dir + " to list");
        }
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            Path list = dir.resolve("fullfiletimelist-" + module);
            // the list mirrors had until now, kept beside the new one as sync-file-list-parallel.sh keeps it
            if (Files.isRegularFile(list, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                copy(list, dir, "fullfiletimelist-" + module + "-old");
            }
            var written = FileList.write(dir, module, pool);
            written.warning(dir).forEach(log::println);
            for (String copy : copies) {
                copy(list, dir, copy);
            }
            log.println(written.entries() + " entries listed in " + list);
        } finally {
            pool.shutdown();
        }
    }

    /** A copy of the list under another name, 0644, renamed into place complete. */
    private static void copy(Path list, Path dir, String name) throws IOException {
        Path partial = dir.resolve("." + name + ".part");
        Files.copy(list, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(partial, FileModes.FILE);
        Files.move(partial, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.FileLists s ? Optional.of(new StepDescription().add("modules "
                + String.join(", ", s.modules())).addIf(s.root(), "and the whole root")) : Optional.empty();
    }
}
