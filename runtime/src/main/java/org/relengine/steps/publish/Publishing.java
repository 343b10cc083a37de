package org.relengine.steps.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.relengine.formats.FileModes;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.Probe;
import org.relengine.plan.spi.AbstractStepUnit;

/** No step of its own: the guard, the previews and the modes every publish step shares ({@link PublishActions}). */
public final class Publishing extends AbstractStepUnit {

    public Publishing() {
        super(Phase.PUBLISH);
    }

    @Override
    public void plan(PlanContext context) {
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(
                PublishActions.CHECK_PUBLISHABLE, (p, log, context) -> PublishGuard.check(p, log),
                PublishActions.MAKE_PUBLISHED_DIRECTORY, (p, log, context) -> {
                    for (Path made : FileModes.createDirectories(Path.of(p.get("path")), FileModes.DIRECTORY)) {
                        log.println("made " + made + " (0755)");
                    }
                },
                PublishActions.DROP_EMPTY_OPEN_SIZE, (p, log, context) -> EmptyOpenSize.drop(
                        Path.of(p.get("repomd")), log),
                PublishActions.SET_PUBLISHED_MODES, (p, log, context) -> log.println("set the modes of "
                        + publishedModes(Path.of(p.get("path"))) + " files and directories of " + p.get("path")));
    }

    @Override
    public Map<OperationKey, Probe> probes() {
        return Map.of(PublishActions.PREVIEW_PUBLISH, new Probe() {
            @Override
            public Probe.Result run(String task, Map<String, String> params) throws IOException {
                return PublishPreview.of(task, Rsync.Sync.of(params));
            }

            @Override
            public List<String> programs() {
                return List.of("rsync");
            }
        });
    }

    /** Every directory under {@code top} 0755 and every file 0644; links are neither followed nor changed. */
    private static int publishedModes(Path top) throws IOException {
        int[] set = {0};
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, FileModes.DIRECTORY);
                set[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.setPosixFilePermissions(file, FileModes.FILE);
                    set[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return set[0];
    }
}
