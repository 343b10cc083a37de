package org.relengine.steps.sync;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.relengine.formats.AtomicFiles;

/** The {@code tmpdir.*} directories dnf reposync leaves at the top of a tree when it is cut short. */
final class ReposyncLeftovers {

    private ReposyncLeftovers() {
    }

    /** Removes each such directory with everything in it; links and files of that name are left alone. */
    static void remove(Path tree, PrintWriter log) throws IOException {
        if (!Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> left = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tree, "tmpdir.*")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    left.add(entry);
                }
            }
        }
        for (Path dir : left.stream().sorted().toList()) {
            AtomicFiles.deleteTree(dir);
            log.println("removed " + dir + ", left by an interrupted dnf reposync");
        }
    }
}
