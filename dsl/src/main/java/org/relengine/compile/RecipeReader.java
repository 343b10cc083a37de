package org.relengine.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where recipe text comes from: the filesystem, or a git revision (so that a recipe and its includes are
 * read as they were at that revision). A missing file is a {@link java.nio.file.NoSuchFileException}.
 */
@FunctionalInterface
public interface RecipeReader {

    RecipeReader FILES = file -> Files.readString(file, StandardCharsets.UTF_8);

    String read(Path file) throws IOException;
}
