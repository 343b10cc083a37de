package org.relengine.formats;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that readers may open at any moment (metadata, lists, plans) are written beside their final name
 * and renamed over it: a reader sees the old file or the new one, never half of one.
 */
public final class AtomicFiles {

    /** What writes a file's content. */
    public interface Body {
        void write(BufferedWriter out) throws IOException;
    }

    /** What writes a file's content as bytes (buffered in large blocks). */
    public interface ByteBody {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path file, Body body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = partial(file);
        try {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                body.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    public static void writeBytes(Path file, ByteBody body) throws IOException {
        writeBytes(file, body, null);
    }

    /**
     * As {@link #writeBytes(Path, ByteBody)}, the file with exactly {@code mode} (null: as the umask says). It is
     * created with no permission beyond {@code mode}, so that not even for a moment may anyone else read more
     * than they should; the mode is then set in full, as the umask may have narrowed it further.
     */
    public static void writeBytes(Path file, ByteBody body, Set<PosixFilePermission> mode) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = partial(file);
        try {
            try (OutputStream out = new BufferedOutputStream(open(partial, mode), 1 << 20)) {
                body.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /**
     * Where a file is written before it is renamed into place; a directory at the file's name is refused first,
     * since the rename would fail only after the whole content was written.
     */
    private static Path partial(Path file) throws IOException {
        if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "Is a directory");
        }
        return file.resolveSibling("." + file.getFileName() + ".part");
    }

    public static void write(Path file, String content) throws IOException {
        write(file, out -> out.write(content));
    }

    /** As {@link #write(Path, String)}, the file with exactly {@code mode} (see {@link #writeBytes(Path, ByteBody, Set)}). */
    public static void write(Path file, String content, Set<PosixFilePermission> mode) throws IOException {
        writeBytes(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)), mode);
    }

    private static OutputStream open(Path partial, Set<PosixFilePermission> mode) throws IOException {
        if (mode == null) {
            return Files.newOutputStream(partial);
        }
        // a partial file a crash left has the mode it was made with; a fresh one is made with this one
        Files.deleteIfExists(partial);
        OutputStream out = Files.newOutputStream(Files.createFile(partial, PosixFilePermissions.asFileAttribute(mode)));
        Files.setPosixFilePermissions(partial, mode);
        return out;
    }

    /**
     * Deletes a directory tree (links are removed, never followed), entry by entry as the walk meets it; a directory
     * that cannot be read fails it with an {@link IOException}, as any other fault does. Returns whether there was
     * anything at {@code dir}.
     */
    public static boolean deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes
                    attributes) throws IOException {
                Files.delete(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path directory, IOException failure)
                    throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return true;
    }

    /**
     * Replaces (or makes) a symbolic link atomically: a new link renamed over the old one, so that the name is
     * never missing. A directory standing at the name is not replaced.
     */
    public static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.toAbsolutePath().getParent());
        Path fresh = link.resolveSibling("." + link.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, target);
        if (Files.isDirectory(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(fresh);
            throw new java.nio.file.FileSystemException(link.toString(), null,
                    "a directory, not a link; refusing to replace it");
        }
        Files.move(fresh, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
