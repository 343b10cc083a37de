package org.relengine.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One directory's entries as the lists carry them: sorted by path, where a subdirectory's own entries follow its
 * name at the place of "name/". Every list is sorted by whole path, and a whole-path order is exactly this order
 * applied directory by directory (all paths below "a/" share that prefix, so they sort together, between
 * "a" + anything smaller than '/' and "a" + anything larger). Sorting each directory alone avoids comparing
 * 200,000 long paths with each other.
 *
 * <p>Once sorted, a directory renders its own lines of both lists, in the thread that read it: the lines are
 * made in parallel, and writing a list is copying blocks in order.
 */
final class ListedDirectory {

    /** A line of the lists, or, when {@link #below} is set, the place of a subdirectory's entries. */
    static final class Item {
        final byte[] name;
        final byte type;
        final long size;
        final long time;
        final ListedDirectory below;

        Item(byte[] name, byte type, long size, long time, ListedDirectory below) {
            this.name = name;
            this.type = type;
            this.size = size;
            this.time = time;
            this.below = below;
        }

        boolean isSubtree() {
            return below != null;
        }
    }

    /** Unsigned byte order of the names, a subtree sorting as its name followed by '/'. */
    private static final Comparator<Item> PATH_ORDER = new Comparator<>() {
        @Override
        public int compare(Item a, Item b) {
            byte[] x = a.name;
            byte[] y = b.name;
            int common = Math.min(x.length, y.length);
            for (int i = 0; i < common; i++) {
                if (x[i] != y[i]) {
                    return (x[i] & 0xff) - (y[i] & 0xff);
                }
            }
            int xNext = x.length > common ? x[common] & 0xff : a.isSubtree() ? '/' : -1;
            int yNext = y.length > common ? y[common] & 0xff : b.isSubtree() ? '/' : -1;
            return xNext - yNext;
        }
    };

    private static final byte[] FULL_FILE_LIST = "fullfilelist".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME_LIST = "fullfiletimelist".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PARTIAL_LIST = ".fullfile".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPOMD = "repomd.xml".getBytes(StandardCharsets.US_ASCII);
    /** relengine's own bookkeeping at a publish root (its run locks): never a mirror's to copy. */
    private static final byte[] BOOKKEEPING = ".relengine".getBytes(StandardCharsets.US_ASCII);

    private final boolean top;
    /** This directory's path in the lists, with a trailing '/' (empty for the listed directory itself). */
    private final byte[] prefix;
    private Item[] items = new Item[32];
    private int count;
    private int subtrees;
    private Lines paths;
    private Lines times;
    /** This directory's {@code repomd.xml}, by its path in the lists, or null. */
    private byte[] repomd;
    /** The entries no line can hold ({@link UnlistedName}); made only when there is one, as there almost never is. */
    private java.util.List<UnlistedName> unlisted;

    private ListedDirectory(boolean top, byte[] prefix) {
        this.top = top;
        this.prefix = prefix;
    }

    /** The listed directory itself, which leaves out the lists it carries about itself and relengine's locks. */
    static ListedDirectory top() {
        return new ListedDirectory(true, new byte[0]);
    }

    /** True for the lists a tree carries about itself (and their partial copies): they change with every listing. */
    static boolean isList(byte[] name) {
        return Arrays.equals(name, FULL_FILE_LIST) || startsWith(name, TIME_LIST) || startsWith(name, PARTIAL_LIST);
    }

    private static boolean startsWith(byte[] name, byte[] prefix) {
        return name.length >= prefix.length && Arrays.equals(name, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Adds an entry; a directory also gets the place of its own entries, returned to be filled. */
    ListedDirectory add(byte[] name, byte type, long size, long time) {
        if (top && (isList(name) || Arrays.equals(name, BOOKKEEPING))) {
            return null;
        }
        if (UnlistedName.unlistable(name)) {
            if (unlisted == null) {
                unlisted = new java.util.ArrayList<>();
            }
            byte[] path = Arrays.copyOf(prefix, prefix.length + name.length);
            System.arraycopy(name, 0, path, prefix.length, name.length);
            unlisted.add(new UnlistedName(path, type == 'd'));
            return null;
        }
        append(new Item(name, type, size, time, null));
        if (type == 'f' && Arrays.equals(name, REPOMD)) {
            repomd = Arrays.copyOf(prefix, prefix.length + name.length);
            System.arraycopy(name, 0, repomd, prefix.length, name.length);
        }
        if (type != 'd') {
            return null;
        }
        byte[] path = Arrays.copyOf(prefix, prefix.length + name.length + 1);
        System.arraycopy(name, 0, path, prefix.length, name.length);
        path[path.length - 1] = '/';
        ListedDirectory below = new ListedDirectory(false, path);
        append(new Item(name, type, size, time, below));
        subtrees++;
        return below;
    }

    private void append(Item item) {
        if (count == items.length) {
            items = Arrays.copyOf(items, count * 2);
        }
        items[count++] = item;
    }

    /** Sorts the entries and renders this directory's lines of both lists (the subdirectories' come later). */
    void sortAndRender() {
        Arrays.sort(items, 0, count, PATH_ORDER);
        paths = new Lines(new ListBytes(count * (prefix.length + 48)), subtrees);
        times = new Lines(new ListBytes(count * (prefix.length + 72)), subtrees);
        for (int i = 0; i < count; i++) {
            Item item = items[i];
            if (item.isSubtree()) {
                paths.subtree(item.below);
                times.subtree(item.below);
            } else {
                paths.bytes.add('.').add('/').add(prefix).add(item.name).add('\n');
                times.bytes.decimal(item.time).add('\t').add(item.type).add('\t').decimal(item.size).add('\t')
                        .add(prefix).add(item.name).add('\n');
            }
        }
    }

    /** How many lines this directory and all below it have in each list. */
    int entriesBelow() {
        int entries = count - subtrees;
        for (int i = 0; i < paths.subtrees; i++) {
            entries += paths.below[i].entriesBelow();
        }
        return entries;
    }

    /** Adds the paths of the {@code repomd.xml} files of this directory and all below it (once sorted), in list order. */
    void repomds(java.util.List<byte[]> into) {
        if (repomd != null) {
            into.add(repomd);
        }
        for (int i = 0; i < paths.subtrees; i++) {
            paths.below[i].repomds(into);
        }
    }

    /** Adds the entries left out of this directory and all below it (once sorted), in no particular order. */
    void unlisted(java.util.List<UnlistedName> into) {
        if (unlisted != null) {
            into.addAll(unlisted);
        }
        for (int i = 0; i < paths.subtrees; i++) {
            paths.below[i].unlisted(into);
        }
    }

    /** Writes the lines of {@code fullfilelist} of this directory and all below it, in order. */
    void writePaths(OutputStream out) throws IOException {
        paths.writeTo(out, false);
    }

    /** Writes the {@code [Files]} lines of {@code fullfiletimelist} of this directory and all below it, in order. */
    void writeTimes(OutputStream out) throws IOException {
        times.writeTo(out, true);
    }

    /** One list's lines of one directory, and where the lines of each subdirectory go between them. */
    private static final class Lines {
        final ListBytes bytes;
        final int[] splits;
        final ListedDirectory[] below;
        int subtrees;

        Lines(ListBytes bytes, int subtrees) {
            this.bytes = bytes;
            this.splits = new int[subtrees];
            this.below = new ListedDirectory[subtrees];
        }

        void subtree(ListedDirectory dir) {
            splits[subtrees] = bytes.length();
            below[subtrees++] = dir;
        }

        void writeTo(OutputStream out, boolean times) throws IOException {
            int from = 0;
            for (int i = 0; i < subtrees; i++) {
                bytes.writeTo(out, from, splits[i]);
                if (times) {
                    below[i].writeTimes(out);
                } else {
                    below[i].writePaths(out);
                }
                from = splits[i];
            }
            bytes.writeTo(out, from, bytes.length());
        }
    }

    /** The subdirectories, in list order once sorted. */
    Item[] subtrees() {
        Item[] result = new Item[subtrees];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (items[i].isSubtree()) {
                result[n++] = items[i];
            }
        }
        return result;
    }
}
