package org.relengine.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A fault of the file system, said in a line and a hint: a path that is a file where a directory must be, a
 * full disk, a permission. These are the user's to fix, not defects of relengine, so they are never reported
 * as an internal error.
 *
 * @param message what went wrong, naming the path
 * @param hint    what to do about it
 */
record FileFault(String message, String hint) {

    /** The file-system fault behind {@code failure}, if that is what it is. */
    static Optional<FileFault> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs) {
                return Optional.of(describe(fs));
            }
        }
        return Optional.empty();
    }

    private static FileFault describe(FileSystemException e) {
        String file = e.getFile();
        String reason = e.getReason() == null ? "" : e.getReason();
        if (e instanceof NotDirectoryException || reason.equals("Not a directory")) {
            Path blocking = firstFile(Path.of(file));
            return new FileFault(blocking + " is a file, where a directory must be (for " + file + ")",
                    "give a directory, or a path that does not exist yet");
        }
        if (reason.equals("Is a directory")) {
            String target = e.getOtherFile() != null ? e.getOtherFile() : file;
            return new FileFault(target + " is a directory, where a file must be", "give a file name");
        }
        if (reason.equals("No space left on device")) {
            return new FileFault("no space left on device writing " + file,
                    "free space there, then run again (a compose continues with --resume)");
        }
        if (e instanceof AccessDeniedException || reason.equals("Permission denied")) {
            return new FileFault("permission denied: " + file, "run as a user who may write there, or choose "
                    + "another place");
        }
        if (e instanceof NoSuchFileException) {
            return new FileFault(file + " does not exist", "check the path");
        }
        if (e instanceof FileAlreadyExistsException) {
            return new FileFault(file + " exists already", "remove it, or choose another name");
        }
        return new FileFault(file + ": " + (reason.isEmpty() ? e.getClass().getSimpleName() : reason.toLowerCase(
                java.util.Locale.ROOT)) + (e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")"),
                "check the path and the file system");
    }

    /** The ancestor of {@code path} that exists and is not a directory; the path itself when there is none. */
    private static Path firstFile(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return path;
    }
}
