package org.relengine.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The permissions of what must not depend on the umask of whoever runs relengine: published trees (read by
 * every mirror and web server), relengine's own directories in them, and the one file that holds
 * credentials. Under {@code umask 000} a file would otherwise be writable by every local user.
 */
public final class FileModes {

    /** A published or shared directory: {@code rwxr-xr-x}. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    /** A published or shared file: {@code rw-r--r--}. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    /** A file only its owner may read: {@code rw-------}. */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    /** What rsync gives every directory and file it publishes, whatever the source's modes. */
    public static final String RSYNC_CHMOD = "--chmod=D0755,F0644";

    private FileModes() {
    }

    /** {@code 0755} and the like: how plans and logs name a mode. */
    public static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("0%o", bits);
    }

    /**
     * Creates {@code dir} and each missing directory on the way, each with exactly {@code mode}; directories that
     * exist are left as they are (an administrator may have set them so). The mode is set after the directories
     * are made, since the umask narrows the mode a directory is created with; they are made as
     * {@link Files#createDirectories} makes them, which fails as it does (a file in the way, no permission).
     *
     * @return the directories made, outermost first
     */
    public static List<Path> createDirectories(Path dir, Set<PosixFilePermission> mode) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(0, p);
        }
        Files.createDirectories(dir);
        for (Path p : missing) {
            Files.setPosixFilePermissions(p, mode);
        }
        return missing;
    }
}
