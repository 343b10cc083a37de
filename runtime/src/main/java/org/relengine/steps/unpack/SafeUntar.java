package org.relengine.steps.unpack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.relengine.plan.spi.TaskFailure;

/**
 * Unpacks a tar.gz into a directory. The archive comes from a bucket other jobs write, so it is not trusted:
 * <ul>
 * <li>no entry lands outside the directory: absolute names and names with {@code ..} that leave it are
 * refused, and no entry is ever written through a link (every existing component of its path must be a real
 * directory; files are created new, never opened through a link at their name);</li>
 * <li>a symbolic link is refused if its target is absolute or, resolved against the link's directory and
 * through the links already in the tree, leaves the tree; every link is checked again once the whole archive
 * is unpacked;</li>
 * <li>a hard link is restored as a hard link to a regular file an earlier entry unpacked (a copy where the
 * file system has no hard links); one to anything else is refused;</li>
 * <li>character and block devices and FIFOs are refused; set-uid, set-gid and sticky bits are dropped
 * (files keep their permission bits, made readable by anyone and writable by their owner);</li>
 * <li>at most {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes of content, counted as they stream:
 * an archive past either is refused before anything past the limit is written.</li>
 * </ul>
 * The archive is unpacked into a temporary directory inside the target and its top-level entries are moved
 * into place only once all of it is unpacked: a refused archive leaves nothing of itself in the target.
 */
public final class SafeUntar {

    /** The most entries an archive may hold. */
    public static final long MAX_ENTRIES = 200_000;

    /** The most bytes of file content an archive may unpack to (16 GiB). */
    public static final long MAX_BYTES = 16L * 1024 * 1024 * 1024;

    private static final int MAX_LINK_DEPTH = 40;

    private SafeUntar() {
    }

    public static int unpack(Path archive, Path into) throws IOException {
        return unpack(archive, into, MAX_ENTRIES, MAX_BYTES);
    }

    /** Unpacks {@code archive} into {@code into}; returns the number of entries; refuses with a TaskFailure. */
    public static int unpack(Path archive, Path into, long maxEntries, long maxBytes) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        Path work = Files.createTempDirectory(root, ".unpacking-");
        try {
            Unpacking unpacking = new Unpacking(archive, root, work, maxEntries, maxBytes);
            int count = unpacking.run();
            unpacking.place();
            return count;
        } finally {
            deleteTree(work);
        }
    }

    private static final class Unpacking {
        private final Path archive;
        private final Path root;
        private final Path work;
        private final long maxEntries;
        private final long maxBytes;
        private final List<Path> links = new ArrayList<>();
        private String entryName;
        private long bytes;

        Unpacking(Path archive, Path root, Path work, long maxEntries, long maxBytes) {
            this.archive = archive;
            this.root = root;
            this.work = work;
            this.maxEntries = maxEntries;
            this.maxBytes = maxBytes;
        }

        int run() throws IOException {
            int count = 0;
            try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                 TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    entryName = entry.getName();
                    if (++count > maxEntries) {
                        throw fail("is past the limit of " + maxEntries + " entries");
                    }
                    entry(entry, tar);
                }
            }
            // a link checked when it was made may lead elsewhere through links made after it
            for (Path link : links) {
                entryName = link.toString();
                Path parent = link.getParent() == null ? Path.of("") : link.getParent();
                if (resolve(parent, Files.readSymbolicLink(work.resolve(link)), 0) == null) {
                    throw fail("is a link that resolves outside " + root + " through links the archive holds");
                }
            }
            return count;
        }

        private void entry(TarArchiveEntry entry, TarArchiveInputStream tar) throws IOException {
            Path rel = inside(entryName, "would be written outside " + root);
            Path target = work.resolve(rel);
            if (entry.isDirectory()) {
                directories(rel);
                return;
            }
            if (rel.toString().isEmpty()) {
                throw fail("names the directory the archive is unpacked into");
            }
            String kind = entry.isCharacterDevice() ? "a character device" : entry.isBlockDevice() ? "a block device"
                    : entry.isFIFO() ? "a FIFO" : null;
            if (kind != null) {
                throw fail("is " + kind + " (an archive of a boot tree holds no devices)");
            }
            if (!entry.isSymbolicLink() && !entry.isLink() && !entry.isFile() && !entry.isSparse()) {
                throw fail("is of a kind that is not unpacked (tar type `" + (char) entry.getLinkFlag() + "`)");
            }
            directories(rel.getParent());
            if (exists(target)) {
                throw fail("would replace `" + rel + "`, which an earlier entry wrote");
            }
            if (entry.isSymbolicLink()) {
                symlink(rel, entry.getLinkName());
            } else if (entry.isLink()) {
                hardLink(target, entry.getLinkName());
            } else {
                file(target, entry, tar);
            }
        }

        private void symlink(Path rel, String linkName) throws IOException {
            Path to;
            try {
                to = Path.of(linkName);
            } catch (InvalidPathException e) {
                throw fail("is a link to `" + linkName + "`, which is not a path");
            }
            if (linkName.isEmpty() || to.isAbsolute()) {
                throw fail("is a link to `" + linkName + "`, an absolute path, which leaves " + root);
            }
            Path parent = rel.getParent() == null ? Path.of("") : rel.getParent();
            if (resolve(parent, to, 0) == null) {
                throw fail("is a link to `" + linkName + "`, which resolves outside " + root);
            }
            Files.createSymbolicLink(work.resolve(rel), to);
            links.add(rel);
        }

        private void hardLink(Path target, String linkName) throws IOException {
            Path rel = inside(linkName, "is a hard link to `" + linkName + "`, outside " + root);
            Path source = work.resolve(rel);
            if (rel.toString().isEmpty() || !realDirectories(rel.getParent())
                    || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw fail("is a hard link to `" + linkName + "`, which is not a file an earlier entry unpacked");
            }
            try {
                Files.createLink(target, source);
            } catch (UnsupportedOperationException | IOException e) {
                long size = Files.size(source);
                if (bytes + size > maxBytes) {
                    throw fail("is past the limit of " + maxBytes + " bytes unpacked");
                }
                bytes += size;
                Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
            }
        }

        private void file(Path target, TarArchiveEntry entry, InputStream tar) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                for (int n; (n = tar.read(buffer)) > 0; ) {
                    if (bytes + n > maxBytes) {
                        throw fail("is past the limit of " + maxBytes + " bytes unpacked");
                    }
                    bytes += n;
                    out.write(buffer, 0, n);
                }
            }
            permissions(target, entry.getMode());
            // as tar keeps it: the same build unpacked again republishes its files with the times they had
            if (entry.getLastModifiedTime() != null) {
                Files.setLastModifiedTime(target, entry.getLastModifiedTime());
            }
        }

        /** The entry's permission bits, without set-uid, set-gid and sticky, readable by all, writable by its owner. */
        private static void permissions(Path file, int mode) throws IOException {
            int bits = (mode & 0777) | 0644;
            Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_READ};
            for (int i = 0; i < order.length; i++) {
                if ((bits & (1 << i)) != 0) {
                    set.add(order[i]);
                }
            }
            try {
                Files.setPosixFilePermissions(file, set);
            } catch (UnsupportedOperationException e) {
                file.toFile().setReadable(true, false);
            }
        }

        /** The name as a path relative to the tree, refused with {@code why} if it would leave it. */
        private Path inside(String name, String why) {
            Path path;
            try {
                path = Path.of(name);
            } catch (InvalidPathException e) {
                throw fail("has a name that is not a path");
            }
            Path target = work.resolve(path).normalize();
            if (path.isAbsolute() || !target.startsWith(work)) {
                throw fail(why);
            }
            return work.relativize(target);
        }

        /** Makes each component of {@code rel} a directory, refusing any that is a link or not a directory. */
        private void directories(Path rel) throws IOException {
            if (rel == null) {
                return;
            }
            Path current = work;
            for (Path name : rel) {
                if (name.toString().isEmpty()) {
                    continue;
                }
                current = current.resolve(name);
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    Files.createDirectory(current);
                    continue;
                }
                if (attributes.isSymbolicLink()) {
                    throw fail("would be written through the link `" + work.relativize(current) + "`");
                }
                if (!attributes.isDirectory()) {
                    throw fail("would be written beneath `" + work.relativize(current) + "`, which is not a directory");
                }
            }
        }

        /** Whether each component of {@code rel} exists as a real directory, not a link. */
        private boolean realDirectories(Path rel) throws IOException {
            Path current = work;
            for (Path name : rel == null ? Path.of("") : rel) {
                if (name.toString().isEmpty()) {
                    continue;
                }
                current = current.resolve(name);
                if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Where {@code to}, read in the directory {@code dir} (both relative to the tree), leads: the links in the
         * tree are followed as the system would follow them; null if it leaves the tree.
         */
        private Path resolve(Path dir, Path to, int depth) throws IOException {
            if (depth > MAX_LINK_DEPTH) {
                throw fail("is a link that loops through other links");
            }
            if (to.isAbsolute()) {
                return null;
            }
            Deque<Path> path = new ArrayDeque<>();
            for (Path name : dir) {
                if (!name.toString().isEmpty()) {
                    path.addLast(name);
                }
            }
            for (Path name : to) {
                String part = name.toString();
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (path.isEmpty()) {
                        return null;
                    }
                    path.removeLast();
                    continue;
                }
                Path here = join(path);
                Path next = work.resolve(here).resolve(name);
                if (Files.isSymbolicLink(next)) {
                    Path resolved = resolve(here, Files.readSymbolicLink(next), depth + 1);
                    if (resolved == null) {
                        return null;
                    }
                    path.clear();
                    for (Path n : resolved) {
                        if (!n.toString().isEmpty()) {
                            path.addLast(n);
                        }
                    }
                } else {
                    path.addLast(name);
                }
            }
            return join(path);
        }

        private static Path join(Deque<Path> names) {
            Path path = Path.of("");
            for (Path name : names) {
                path = path.resolve(name);
            }
            return path;
        }

        /** Moves the unpacked top-level entries into the target, replacing what an earlier unpack left there. */
        void place() throws IOException {
            List<Path> children;
            try (Stream<Path> list = Files.list(work)) {
                children = list.toList();
            }
            Path self = archive.toAbsolutePath().normalize();
            for (Path child : children) {
                if (root.resolve(child.getFileName()).equals(self)) {
                    throw new TaskFailure(archive.getFileName() + ": entry `" + child.getFileName()
                            + "` would replace the archive itself; refusing the archive");
                }
            }
            for (Path child : children) {
                Path target = root.resolve(child.getFileName());
                if (exists(target)) {
                    deleteTree(target);
                }
                Files.move(child, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }

        private TaskFailure fail(String why) {
            return new TaskFailure(archive.getFileName() + ": entry `" + entryName + "` " + why
                    + "; refusing the archive");
        }
    }

    private static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes a tree without following a link in it. */
    static void deleteTree(Path top) throws IOException {
        if (!exists(top)) {
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
