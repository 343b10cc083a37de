package org.relengine.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.RecursiveAction;

/**
 * Reads one directory, then its subdirectories as tasks of their own, so idle threads take over whole subtrees:
 * the time of a listing is its system calls, and two cores issue them twice as fast as one.
 */
final class TreeWalk<D> extends RecursiveAction {

    private final DirectoryReader<D> reader;
    private final D dir;
    private final ListedDirectory into;

    TreeWalk(DirectoryReader<D> reader, D dir, ListedDirectory into) {
        this.reader = reader;
        this.dir = dir;
        this.into = into;
    }

    @Override
    protected void compute() {
        try {
            reader.read(dir, into);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + e.getMessage(), e);
        }
        into.sortAndRender();
        ListedDirectory.Item[] subtrees = into.subtrees();
        TreeWalk<?>[] walks = new TreeWalk<?>[subtrees.length];
        for (int i = 0; i < subtrees.length; i++) {
            ListedDirectory.Item sub = subtrees[i];
            walks[i] = new TreeWalk<>(reader, reader.child(dir, sub.name), sub.below);
        }
        invokeAll(walks);
    }
}
