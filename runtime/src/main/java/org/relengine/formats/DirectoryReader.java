package org.relengine.formats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one directory for the file lists: each entry's name and what a list line needs of it, from exactly one
 * {@code lstat} per entry. A list of a large mirror is one system call per entry; any second call doubles its time.
 *
 * @param <D> how the reader names a directory it will open
 */
interface DirectoryReader<D> {

    /** The directory the walk starts in. */
    D root(Path root) throws IOException;

    /** The subdirectory {@code name} of {@code parent}. */
    D child(D parent, byte[] name);

    /** Adds every entry of {@code dir} but "." and ".." to {@code into}. */
    void read(D dir, ListedDirectory into) throws IOException;

    /** The list's type letter: {@code l} symbolic link, {@code d} directory, {@code f} anything else. */
    static byte type(boolean link, boolean directory) {
        return link ? (byte) 'l' : directory ? (byte) 'd' : (byte) 'f';
    }

    /**
     * A time in whole seconds as the lists carry it: truncated towards zero, as {@code FileTime.toMillis() / 1000}
     * and quick-fedora-mirror's {@code int(st_mtime)} do (differs from {@code sec} only before 1970).
     */
    static long seconds(long sec, long nsec) {
        return sec < 0 && nsec > 0 ? sec + 1 : sec;
    }
}
