package org.relengine.steps.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.relengine.formats.AtomicFiles;

/**
 * The toolkit's fix_metadata: after every createrepo_c and modifyrepo_c run on a published tree, its repomd.xml
 * loses the lines holding only an empty {@code <open-size></open-size>}.
 */
public final class EmptyOpenSize {

    private EmptyOpenSize() {
    }

    /** Written beside and renamed into place. */
    public static void drop(Path repomd, PrintWriter log) throws IOException {
        List<String> lines = Files.readAllLines(repomd);
        List<String> kept = lines.stream().filter(l -> !l.contains("<open-size></open-size>")).toList();
        if (kept.size() == lines.size()) {
            log.println("no empty <open-size> in " + repomd);
            return;
        }
        AtomicFiles.write(repomd, String.join("\n", kept) + "\n");
        log.println("removed " + (lines.size() - kept.size()) + " empty <open-size> lines from " + repomd);
    }
}
