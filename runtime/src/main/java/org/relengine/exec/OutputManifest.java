package org.relengine.exec;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a finished task left at its outputs: every file and symbolic link under each of them (links are not
 * followed), with its size, its modification time and, for a file of at most {@link #DIGEST_LIMIT} bytes, its
 * SHA-256. {@code --resume} compares the trees with it before it reuses the task.
 */
public final class OutputManifest {

    /** Files up to this size get a content digest when recorded; larger ones are known by size and time. */
    public static final long DIGEST_LIMIT = 1 << 20;

    /**
     * One recorded path.
     *
     * @param type   {@code f} for a file, {@code l} for a symbolic link
     * @param sha256 the content digest, or null (a link, or a file above the limit)
     * @param target a link's target, or null
     */
    public record Entry(String path, char type, long size, long mtime, String sha256, String target) {

        /** Whether {@code other} records the same state of the same path. */
        boolean sameState(Entry other) {
            if (type == 'l' || other.type == 'l') {
                return type == other.type && java.util.Objects.equals(target, other.target);
            }
            return type == other.type && size == other.size && seconds() == other.seconds()
                    && java.util.Objects.equals(sha256, other.sha256);
        }

        /** The time in whole seconds, as rsync and hardlink compare times. */
        long seconds() {
            return Math.floorDiv(mtime, 1000);
        }

    }

    private OutputManifest() {
    }

    /** The entries under {@code outputs}, none at or below one of {@code skipped} (the run's own records). */
    public static List<Entry> of(List<String> outputs, Set<Path> skipped) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String output : outputs) {
            if (!output.startsWith("/")) {
                continue;
            }
            Path root = Path.of(output);
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return skipped.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!skipped.contains(file)) {
                        Entry entry = entry(file, attrs);
                        if (entry != null) {
                            entries.add(entry);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return entries;
    }

    /** The entry for what is at {@code file} now, or null when nothing (or a directory, a device) is there. */
    static Entry current(Path file, boolean digest) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isRegularFile() && !digest) {
            return new Entry(file.toString(), 'f', attrs.size(), attrs.lastModifiedTime().toMillis(), null, null);
        }
        return entry(file, attrs);
    }

    private static Entry entry(Path file, BasicFileAttributes attrs) throws IOException {
        long mtime = attrs.lastModifiedTime().toMillis();
        if (attrs.isSymbolicLink()) {
            return new Entry(file.toString(), 'l', 0, mtime, null, Files.readSymbolicLink(file).toString());
        }
        if (!attrs.isRegularFile()) {
            return null;
        }
        String digest = attrs.size() <= DIGEST_LIMIT ? sha256(file) : null;
        return new Entry(file.toString(), 'f', attrs.size(), mtime, digest, null);
    }

    static String sha256(Path file) throws IOException {
        return org.relengine.formats.Checksums.sha256(file);
    }
}
