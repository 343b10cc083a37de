package org.relengine.steps.files;

import java.util.List;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.relengine.formats.AtomicFiles;
import org.relengine.formats.FileModes;
import org.relengine.plan.Action;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.AbstractStepUnit;

/** No step of its own: the file operations behind {@link FileActions}, which tasks of many steps perform. */
public final class FileOperations extends AbstractStepUnit {

    public FileOperations() {
        super(Phase.COMPOSE);
    }

    @Override
    public void plan(PlanContext context) {
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(
                FileActions.RENAME_FILE, (p, log, context) -> {
                    Files.move(Path.of(p.get("from")), Path.of(p.get("to")), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    log.println("moved " + p.get("from") + " into place as " + p.get("to"));
                },
                FileActions.REMOVE_FILE, (p, log, context) -> {
                    if (Files.deleteIfExists(Path.of(p.get("path")))) {
                        log.println("removed " + p.get("path"));
                    }
                },
                FileActions.REMOVE_TREE, (p, log, context) -> {
                    if (AtomicFiles.deleteTree(Path.of(p.get("path")))) {
                        log.println("removed " + p.get("path") + " and everything in it");
                    }
                },
                FileActions.EMPTY_DIRECTORY, (p, log, context) -> {
                    Path directory = Path.of(p.get("path"));
                    if (!Files.isDirectory(directory)) {
                        log.println(directory + " is not there yet: nothing to remove");
                        return;
                    }
                    int removed = 0;
                    try (var files = Files.list(directory)) {
                        for (Path file : (Iterable<Path>) files::iterator) {
                            if (!Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                                Files.delete(file);
                                removed++;
                            }
                        }
                    }
                    log.println("removed the " + removed + " files of " + directory);
                },
                FileActions.COPY_FILE, (p, log, context) -> {
                    Path to = Path.of(p.get("to"));
                    Files.createDirectories(to.getParent());
                    Path partial = to.resolveSibling(to.getFileName() + ".part");
                    // with its time, as cp -p: a copy of an unchanged file is published unchanged
                    Files.copy(Path.of(p.get("from")), partial, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                    Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    log.println("copied " + p.get("from") + " to " + to);
                },
                FileActions.WRITE_PRIVATE_FILE, (p, log, context) -> {
                    AtomicFiles.write(Path.of(p.get("path")), p.get("content"), FileModes.PRIVATE);
                    log.println("wrote " + p.get("path") + " (0600)");
                },
                Action.Internal.MOVE_DIRECTORY, (p, log, context) -> move(Path.of(p.get("from")), Path.of(p.get("to")),
                        log));
    }

    private static void move(Path from, Path to, PrintWriter log) throws IOException {
        if (!Files.isDirectory(from)) {
            log.println("nothing to move: " + from + " does not exist");
            return;
        }
        Files.createDirectories(to);
        List<Path> entries;
        try (Stream<Path> list = Files.list(from)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            Files.move(entry, to.resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        log.println("moved " + entries.size() + " entries from " + from + " to " + to);
    }
}
