package org.relengine.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Mirror file lists of a tree, as quick-fedora-mirror clients read them: {@code fullfilelist} (the
 * {@code find .} listing) and {@code fullfiletimelist-<module>} (time = max(mtime, ctime), type, size,
 * path, tab-separated, in sections ending with {@code [End]}). The tree is walked in parallel; each list is
 * written to a temporary name and renamed into place, so a mirror never reads half a list.
 */
public final class FileList {

    /** One entry: path relative to the listed directory, f/d/l, size, time. */
    public record Entry(String path, char type, long size, long time) {
    }

    private FileList() {
    }

    /** Every file, directory and link below {@code root} (not root itself), sorted by path; lists themselves excluded. */
    public static List<Entry> walk(Path root, ForkJoinPool pool) {
        List<Entry> entries = pool.invoke(new Walk(root, ""));
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    /** Writes {@code fullfilelist} and {@code fullfiletimelist-<module>} into {@code root}; returns the entry count. */
    public static int write(Path root, String module, ForkJoinPool pool) throws IOException {
        List<Entry> entries = walk(root, pool);
        AtomicFiles.write(root.resolve("fullfilelist"), out -> {
            out.write(".\n");
            for (Entry e : entries) {
                out.write("./");
                out.write(e.path());
                out.write('\n');
            }
        });
        AtomicFiles.write(root.resolve("fullfiletimelist-" + module), out -> {
            out.write("[Version]\n2\n\n[Files]\n");
            StringBuilder line = new StringBuilder(128);
            for (Entry e : entries) {
                line.setLength(0);
                line.append(e.time()).append('\t').append(e.type()).append('\t').append(e.size()).append('\t')
                        .append(e.path()).append('\n');
                out.write(line.toString());
            }
            out.write("\n[Checksums SHA1]\n\n[Checksums MD5]\n\n[Checksums SHA256]\n\n[Checksums SHA512]\n\n[End]\n");
        });
        return entries.size();
    }

    /** True for the lists a tree carries about itself: they change with every listing. */
    static boolean isList(String name) {
        return name.equals("fullfilelist") || name.startsWith("fullfiletimelist") || name.startsWith(".fullfile");
    }

    /** One directory's entries and, forked, those of its subdirectories. */
    private static final class Walk extends RecursiveTask<List<Entry>> {
        private final Path dir;
        private final String prefix;

        Walk(Path dir, String prefix) {
            this.dir = dir;
            this.prefix = prefix;
        }

        @Override
        protected List<Entry> compute() {
            List<Entry> entries = new ArrayList<>();
            List<Walk> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path child : stream) {
                    String name = child.getFileName().toString();
                    if (prefix.isEmpty() && isList(name)) {
                        continue;
                    }
                    PosixFileAttributes attrs = Files.readAttributes(child, PosixFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    boolean directory = attrs.isDirectory();
                    long time = Math.max(attrs.lastModifiedTime().toMillis() / 1000, ChangeTime.of(child, attrs));
                    String path = prefix + name;
                    entries.add(new Entry(path, attrs.isSymbolicLink() ? 'l' : directory ? 'd' : 'f', attrs.size(), time));
                    if (directory) {
                        Walk walk = new Walk(child, path + "/");
                        walk.fork();
                        children.add(walk);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
            for (Walk child : children) {
                entries.addAll(child.join());
            }
            return entries;
        }

    }

    /**
     * A file's ctime in seconds. The JDK's own attributes object carries it from the same lstat; where the
     * runtime lets us read it (the launcher opens {@code java.base/sun.nio.fs}), no second system call is
     * made, which halves the time of a large listing; elsewhere it is read through the "unix" view.
     */
    static final class ChangeTime {
        private static final java.lang.invoke.MethodHandle CTIME = find();

        private ChangeTime() {
        }

        private static java.lang.invoke.MethodHandle find() {
            try {
                Class<?> type = Class.forName("sun.nio.fs.UnixFileAttributes");
                var lookup = java.lang.invoke.MethodHandles.privateLookupIn(type, java.lang.invoke.MethodHandles.lookup());
                return lookup.findVirtual(type, "ctime", java.lang.invoke.MethodType.methodType(FileTime.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        static long of(Path path, PosixFileAttributes attrs) throws IOException {
            if (CTIME != null) {
                try {
                    return ((FileTime) CTIME.invoke(attrs)).toMillis() / 1000;
                } catch (Throwable e) {
                    // fall through to the portable way
                }
            }
            return ((FileTime) Files.getAttribute(path, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toMillis() / 1000;
        }
    }
}
