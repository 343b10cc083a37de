package org.relengine.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.relengine.model.FileListModule;

/**
 * Mirror file lists of a tree, as quick-fedora-mirror clients read them: {@code fullfilelist} (the
 * {@code find .} listing) and {@code fullfiletimelist-<module>} (time = max(mtime, ctime), type, size,
 * path, tab-separated, in sections ending with {@code [End]}), both sorted by path. The tree is walked in
 * parallel; each list is written to a temporary name and renamed into place, so a mirror never reads half a list.
 * Paths are written as the bytes the file system holds, as {@code find} prints them and rsync needs them; a name
 * that no line can hold is left out and reported instead ({@link UnlistedName}).
 */
public final class FileList {

    private static final byte[] FULL_FILE_LIST_HEAD = ascii(".\n");
    private static final byte[] TIME_LIST_HEAD = ascii("[Version]\n2\n\n[Files]\n");
    private static final byte[] CHECKSUMS_HEAD = ascii("\n[Checksums SHA1]\n");
    private static final byte[] TIME_LIST_TAIL =
            ascii("\n[Checksums MD5]\n\n[Checksums SHA256]\n\n[Checksums SHA512]\n\n[End]\n");

    /** One entry: path relative to the listed directory, f/d/l, size, time. */
    public record Entry(String path, char type, long size, long time) {
    }

    /** What {@link #write} wrote: how many entries each list has, and the names left out ({@link UnlistedName}). */
    public record Written(int entries, List<UnlistedName> unlisted) {

        /**
         * The warning that names were left out, for the command's output or a task's log: a first line about
         * {@code dir}, then a line for each name, escaped; empty when every name is listed.
         */
        public List<String> warning(Path dir) {
            if (unlisted.isEmpty()) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            lines.add("warning: " + dir + ": " + unlisted.size() + (unlisted.size() == 1 ? " name" : " names")
                    + " left out of the lists, whose lines cannot hold a newline, tab or carriage return:");
            for (UnlistedName name : unlisted) {
                lines.add("  " + name.shown() + (name.directory() ? " (and everything below it)" : ""));
            }
            return lines;
        }
    }

    private FileList() {
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Every file, directory and link below {@code root} (not root itself), sorted by path; lists themselves excluded.
     * Read back from the lines of {@code fullfiletimelist} as they would be written.
     */
    public static List<Entry> walk(Path root, ForkJoinPool pool) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try {
            walk(root, pool, bestReader()).writeTimes(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                String[] fields = line.split("\t", 4);
                entries.add(new Entry(fields[3], fields[1].charAt(0), Long.parseLong(fields[2]), Long.parseLong(fields[0])));
            }
        }
        return entries;
    }

    /**
     * Writes {@code fullfilelist} and {@code fullfiletimelist-<module>} into {@code root}, mode 0644. A name with a
     * newline, tab or carriage return is left out of both (a directory with all below it) and returned, to be warned
     * of.
     */
    public static Written write(Path root, String module, ForkJoinPool pool) throws IOException {
        return write(root, module, pool, bestReader());
    }

    static <D> Written write(Path root, String module, ForkJoinPool pool, DirectoryReader<D> reader) throws IOException {
        // validated where a module is given (recipe, command line); checked again here, where the list is written
        String refusal = FileListModule.refusal(module);
        if (refusal != null) {
            throw new IllegalArgumentException("`" + FileListModule.shown(module) + "` is not a file list module: "
                    + refusal);
        }
        ListedDirectory tree = walk(root, pool, reader);
        // the lists are published with the tree they list: mirrors read them, whatever the umask here
        AtomicFiles.writeBytes(root.resolve("fullfilelist"), new PathsList(tree), FileModes.FILE);
        AtomicFiles.writeBytes(root.resolve("fullfiletimelist-" + module), new TimesList(tree, root), FileModes.FILE);
        List<UnlistedName> unlisted = new ArrayList<>();
        tree.unlisted(unlisted);
        unlisted.sort((a, b) -> Arrays.compareUnsigned(a.path(), b.path()));   // by path, as the lists are
        return new Written(tree.entriesBelow(), List.copyOf(unlisted));
    }

    /** {@code fullfilelist}: the listed directory itself as ".", then every path below it. */
    private record PathsList(ListedDirectory tree) implements AtomicFiles.ByteBody {
        @Override
        public void write(OutputStream out) throws IOException {
            out.write(FULL_FILE_LIST_HEAD);
            tree.writePaths(out);
        }
    }

    /** {@code fullfiletimelist-<module>}: version, files, empty checksum sections, end mark. */
    /**
     * {@code fullfiletimelist-<module>}: the [Files] lines, then the SHA-1 of every {@code repomd.xml} (checksum, tab,
     * path), as quick-fedora-mirror's {@code create-filelist -c} gives them, so that a mirror client notices a
     * repomd.xml rewritten at the same size within the same second.
     */
    private record TimesList(ListedDirectory tree, Path root) implements AtomicFiles.ByteBody {
        @Override
        public void write(OutputStream out) throws IOException {
            out.write(TIME_LIST_HEAD);
            tree.writeTimes(out);
            out.write(CHECKSUMS_HEAD);
            List<byte[]> repomds = new ArrayList<>();
            tree.repomds(repomds);
            for (byte[] path : repomds) {
                String sha1 = Checksums.sha1(root.resolve(new String(path, StandardCharsets.UTF_8)));
                out.write(ascii(sha1 + "\t"));
                out.write(path);
                out.write('\n');
            }
            out.write(TIME_LIST_TAIL);
        }
    }

    /** The fastest reader this runtime allows: the JDK's internals where opened to us, else the public API. */
    static DirectoryReader<?> bestReader() {
        DirectoryReader<?> reader = NativeDirectoryReader.ifOpened();
        return reader != null ? reader : new PortableDirectoryReader();
    }

    static <D> ListedDirectory walk(Path root, ForkJoinPool pool, DirectoryReader<D> reader) {
        ListedDirectory tree = ListedDirectory.top();
        try {
            pool.invoke(new TreeWalk<>(reader, reader.root(root), tree));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + e.getMessage(), e);
        }
        return tree;
    }

}
