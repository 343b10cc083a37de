package org.relengine.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The one way a file on disk is read as a recipe: the recipe named on the command line and every include, for
 * every command. What it reads appears in diagnostics as code frames, so it reads only what is a recipe:
 *
 * <ul>
 *   <li>a regular file: a FIFO would block the reader for ever, a device ({@code /dev/zero}) never ends;</li>
 *   <li>not a file of {@code /proc} or {@code /sys}: those stat as regular files of size 0 and the kernel makes
 *       their text up as it is read ({@code /proc/self/environ} is the process's environment, secrets and all);</li>
 *   <li>named {@code *.groovy}, after every symbolic link is followed: a link does not make a file a recipe,
 *       and {@code site.groovy -> /etc/passwd} must not put {@code /etc/passwd} in a code frame. The rule holds
 *       wherever the link points, inside the recipe's directory or not: it is the name of the file actually
 *       read that says it is a recipe;</li>
 *   <li>at most {@link #LIMIT} bytes, counted while reading and never taken from the file's stated size, which
 *       a file of {@code /proc} or a growing file gets wrong.</li>
 * </ul>
 *
 * <p>A refusal is a {@link Refused}: the reason, as a user reads it, and a hint. The checks are made on the file
 * the path resolves to, and that file is then opened without following links; a file swapped for a FIFO between
 * the check and the open would still block, which needs someone who can already write the recipe's directory.
 */
public final class RecipeFile {

    /** 1 MiB: the shipped recipes are 5 kB; anything near this is not the file that was meant. */
    public static final int LIMIT = 1 << 20;

    /**
     * What a file is read as, for the reasons and hints of a refusal: the same checks serve every input that is
     * read whole into memory (a recipe, a saved plan), each with its own limit.
     *
     * @param noun           what the file is read as, with its article: "a recipe", "a plan"
     * @param limit          the most bytes read; a file with more is refused
     * @param directoryHint  what to do when the path is a directory
     * @param sizeHint       what to do when the file is larger than {@code limit}
     */
    public record Kind(String noun, int limit, String directoryHint, String sizeHint) {
    }

    /** A recipe file, as {@link #bytes(Path)} reads it. */
    public static final Kind RECIPE = new Kind("a recipe", LIMIT, "name a recipe file (*.groovy) in it",
            "check that this is the recipe meant; a recipe is a few kilobytes of declarations");

    private static final Set<String> MADE_UP_FILE_SYSTEMS = Set.of("proc", "sysfs");

    /** A file that is not read as a recipe: why, as the end of "cannot read recipe `F`: …", and what to do. */
    public static final class Refused extends IOException {
        private final String reason;
        private final String hint;

        public Refused(String reason, String hint) {
            super(reason);
            this.reason = reason;
            this.hint = hint;
        }

        public String reason() {
            return reason;
        }

        public String hint() {
            return hint;
        }
    }

    private RecipeFile() {
    }

    /** The recipe's text, strictly UTF-8: bytes that are not are a {@link CharacterCodingException}. */
    public static String text(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(file))).toString();
    }

    /**
     * The recipe's bytes, once every check passed. A missing file, or a link to one, is a
     * {@link java.nio.file.NoSuchFileException}; a file that is no recipe is {@link Refused}.
     */
    public static byte[] bytes(Path file) throws IOException {
        Path real = checked(file, RECIPE);
        boolean linked = Files.isSymbolicLink(file);
        if (!real.getFileName().toString().endsWith(".groovy")) {
            throw new Refused(is(linked, real, "not a recipe (*.groovy)"), linked
                    ? "a link read as a recipe must lead to a recipe file (*.groovy)" : "recipes are files named *.groovy");
        }
        return read(file, real, RECIPE);
    }

    /**
     * The bytes of a file read whole as {@code kind}, by the rules of a recipe but for its name: a regular file,
     * not one of {@code /proc} or {@code /sys}, at most {@code kind.limit()} bytes. A missing file, or a link to
     * one, is a {@link java.nio.file.NoSuchFileException}; anything else is {@link Refused}.
     */
    public static byte[] bytes(Path file, Kind kind) throws IOException {
        return read(file, checked(file, kind), kind);
    }

    /** The file {@code file} resolves to, once it is known to be a regular file of a real file system. */
    private static Path checked(Path file, Kind kind) throws IOException {
        Path real = file.toRealPath();
        boolean linked = Files.isSymbolicLink(file);
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()) {
            throw new Refused(is(linked, real, "a directory"), kind.directoryHint());
        }
        String regular = kind.noun() + " is read from a regular file: save its text in one";
        if (!attributes.isRegularFile()) {
            throw new Refused(is(linked, real, kind(real)), regular);
        }
        if (madeUp(real)) {
            throw new Refused(is(linked, real, "a file of /proc or /sys, which the kernel makes up as it is read"),
                    regular);
        }
        return real;
    }

    /** At most the kind's limit of bytes, counted as they are read. */
    private static byte[] read(Path file, Path real, Kind kind) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(kind.limit() + 1);
        }
        if (bytes.length > kind.limit()) {
            throw new Refused(is(Files.isSymbolicLink(file), real, "larger than " + mebibytes(kind.limit())
                    + ", more than any " + kind.noun().substring(kind.noun().indexOf(' ') + 1)), kind.sizeHint());
        }
        return bytes;
    }

    /** {@code 1 MiB}: a limit as it is said in messages. */
    public static String mebibytes(int limit) {
        return limit / (1 << 20) + " MiB";
    }

    /** What the file is; through a link, the message names where it leads: the file that would have been read. */
    private static String is(boolean linked, Path real, String what) {
        return linked ? "it is a link to " + real + ", which is " + what : "it is " + what;
    }

    private static boolean madeUp(Path real) throws IOException {
        if (real.startsWith("/proc") || real.startsWith("/sys")) {
            return true;
        }
        // also where such a file system is mounted elsewhere (a container's view of its host)
        return MADE_UP_FILE_SYSTEMS.contains(Files.getFileStore(real).type());
    }

    /** What a file that is not a regular file is, by the type bits of its mode where the platform tells them. */
    private static String kind(Path real) {
        try {
            int type = (Integer) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "not a regular file";
        }
    }
}
