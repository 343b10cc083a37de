package org.relengine.steps;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.relengine.exec.TaskFailure;

/**
 * Unpacks a tar.gz into a directory, refusing any entry that would land outside it (absolute paths,
 * {@code ..}, links pointing out): an archive from a bucket is not trusted to stay inside.
 */
public final class SafeUntar {

    private SafeUntar() {
    }

    public static int unpack(Path archive, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        int count = 0;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new TaskFailure(archive.getFileName() + ": entry `" + entry.getName()
                            + "` would be written outside " + root + "; refusing the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Path link = target.getParent().resolve(entry.getLinkName()).normalize();
                    if (!link.startsWith(root)) {
                        throw new TaskFailure(archive.getFileName() + ": link `" + entry.getName() + "` points outside "
                                + root + "; refusing the archive");
                    }
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    // lorax leaves files with mode 700; installers read them as anyone
                    target.toFile().setReadable(true, false);
                }
                count++;
            }
        }
        return count;
    }
}
