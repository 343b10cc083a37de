package org.relengine.compile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where recipe text comes from: the filesystem, or a git revision (so that a recipe and its includes are
 * read as they were at that revision). A missing file is a {@link java.nio.file.NoSuchFileException}.
 */
@FunctionalInterface
public interface RecipeReader {

    /** Files on disk, each through {@link RecipeFile}: regular recipe files of bounded size only. */
    RecipeReader FILES = RecipeFile::text;

    String read(Path file) throws IOException;
}
