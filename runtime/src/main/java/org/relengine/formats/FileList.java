package org.relengine.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Mirror file lists of a tree, as quick-fedora-mirror clients read them: {@code fullfilelist} (the
 * {@code find .} listing) and {@code fullfiletimelist-<module>} (time = max(mtime, ctime), type, size,
 * path, tab-separated, in sections ending with {@code [End]}), both sorted by path. The tree is walked in
 * parallel; each list is written to a temporary name and renamed into place, so a mirror never reads half a list.
 * Paths are written as the bytes the file system holds, as {@code find} prints them and rsync needs them.
 */
public final class FileList {

    private static final String TIME_LIST_HEAD = "[Version]\n2\n\n[Files]\n";
    private static final String TIME_LIST_TAIL =
            "\n[Checksums SHA1]\n\n[Checksums MD5]\n\n[Checksums SHA256]\n\n[Checksums SHA512]\n\n[End]\n";

    /** One entry: path relative to the listed directory, f/d/l, size, time. */
    public record Entry(String path, char type, long size, long time) {
    }

    private FileList() {
    }

    /** Every file, directory and link below {@code root} (not root itself), sorted by path; lists themselves excluded. */
    public static List<Entry> walk(Path root, ForkJoinPool pool) {
        List<Entry> entries = new ArrayList<>();
        try {
            visit(walk(root, pool, bestReader()), new PathBuffer(), (path, item) -> entries.add(
                    new Entry(new String(path.bytes(), 0, path.length(), StandardCharsets.UTF_8), (char) item.type,
                            item.size, item.time)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Writes {@code fullfilelist} and {@code fullfiletimelist-<module>} into {@code root}; returns the entry count. */
    public static int write(Path root, String module, ForkJoinPool pool) throws IOException {
        return write(root, module, pool, bestReader());
    }

    static <D> int write(Path root, String module, ForkJoinPool pool, DirectoryReader<D> reader) throws IOException {
        ListedDirectory tree = walk(root, pool, reader);
        int[] count = {0};
        AtomicFiles.writeBytes(root.resolve("fullfilelist"), stream -> {
            ListOutput out = new ListOutput(stream);
            out.ascii(".\n");
            visit(tree, new PathBuffer(), (path, item) -> {
                out.add('.').add('/').bytes(path.bytes(), 0, path.length()).add('\n');
                count[0]++;
            });
            out.flush();
        });
        AtomicFiles.writeBytes(root.resolve("fullfiletimelist-" + module), stream -> {
            ListOutput out = new ListOutput(stream);
            out.ascii(TIME_LIST_HEAD);
            visit(tree, new PathBuffer(), (path, item) -> out.decimal(item.time).add('\t').add(item.type).add('\t')
                    .decimal(item.size).add('\t').bytes(path.bytes(), 0, path.length()).add('\n'));
            out.ascii(TIME_LIST_TAIL).flush();
        });
        return count[0];
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

    /** What is done with each line's path and entry, in list order. */
    private interface Visitor {
        void line(PathBuffer path, ListedDirectory.Item item) throws IOException;
    }

    private static void visit(ListedDirectory dir, PathBuffer path, Visitor visitor) throws IOException {
        for (int i = 0; i < dir.size(); i++) {
            ListedDirectory.Item item = dir.get(i);
            int mark = path.length();
            path.append(item.name);
            if (item.isSubtree()) {
                path.append('/');
                visit(item.below, path, visitor);
            } else {
                visitor.line(path, item);
            }
            path.truncate(mark);
        }
    }

    /** The path of the entry being written, grown and cut back as the walk goes down and up. */
    private static final class PathBuffer {
        private byte[] bytes = new byte[256];
        private int length;

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        void append(byte[] name) {
            ensure(name.length);
            System.arraycopy(name, 0, bytes, length, name.length);
            length += name.length;
        }

        void append(char c) {
            ensure(1);
            bytes[length++] = (byte) c;
        }

        void truncate(int to) {
            length = to;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
