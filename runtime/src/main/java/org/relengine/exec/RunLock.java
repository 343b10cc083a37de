package org.relengine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.relengine.formats.FileModes;

/**
 * A lock on a compose directory or a publish target, held for a whole run. The lock file names its
 * holder (pid, host, when, what) so that a second run can say who is in the way. It is created complete
 * (written under a temporary name, then hard-linked to its final name, which fails if it exists), so a
 * crash never leaves a half-written lock. A lock whose holder no longer runs on this host is taken over;
 * one held on another host cannot be checked from here, and is taken over only when asked to.
 */
public final class RunLock implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Temporary names of this process's lock files, one per lock taken, so that threads never share one. */
    private static final AtomicLong PARTS = new AtomicLong();

    /** Looks at a lock another run is taking over, 5 ms apart: a takeover takes well under a millisecond. */
    private static final int LOOKS = 400;

    /** Who holds a lock. {@code processStart} tells a live holder from a new process that reused its pid. */
    public record Holder(long pid, String host, Instant started, Instant processStart, String command) {

        /** This process, as a run that starts now names itself in each lock it takes. */
        public static Holder self(String command) {
            ProcessHandle self = ProcessHandle.current();
            return new Holder(self.pid(), RunLock.host(), Instant.now(), self.info().startInstant().orElse(null),
                    command);
        }

        /** "running", "no longer runs" (a lock to take over), or "on another host" (cannot tell). */
        public String liveness() {
            return Liveness.of(this).words;
        }

        boolean sameProcess(Holder other) {
            return pid == other.pid && host.equals(other.host) && (processStart == null || other.processStart == null
                    || Liveness.sameStart(processStart, other.processStart));
        }

        String describe() {
            return "pid " + pid + " on " + host + " since " + started + (command == null ? "" : " (" + command + ")");
        }
    }

    /**
     * A lock taken over from its earlier holder, and why; {@code from} is null for a lock file without a
     * readable holder.
     */
    public record Takeover(Holder from, String why) {

        /** The same for every lock of one run: a run of an earlier version named each with when it took it. */
        Takeover ofRun() {
            return from == null ? this
                    : new Takeover(new Holder(from.pid, from.host, null, from.processStart, from.command), why);
        }

        /**
         * The line that says so, naming each thing locked: {@code took over the lock of pid 20674 on vm, which no
         * longer runs (started 2026-11-26T05:03:23.957616972Z, relengine demo --out /tmp/d2): the compose …}.
         */
        public String notice(List<String> what) {
            String things = String.join(", ", what);
            if (from == null) {
                return "took over " + (what.size() == 1 ? "a lock file" : what.size() + " lock files")
                        + " without a readable holder, " + why + ": " + things;
            }
            return "took over the lock" + (what.size() == 1 ? "" : "s") + " of pid " + from.pid() + " on "
                    + from.host() + ", " + why + " (started " + from.started()
                    + (from.command() == null ? "" : ", " + from.command()) + "): " + things;
        }
    }

    /** The lock is held by someone else; {@code hint} says what to do. */
    public static final class Locked extends Exception {
        private final String hint;
        private final boolean stale;

        Locked(String message, String hint, boolean stale) {
            super(message);
            this.hint = hint;
            this.stale = stale;
        }

        public String hint() {
            return hint;
        }

        /** A lock file without a readable holder, which only --break-lock takes over. */
        public boolean stale() {
            return stale;
        }
    }

    /** What became of a stale lock: replaced; left, naming another holder now; left, as another run takes it over. */
    enum Replacement { REPLACED, CHANGED, BUSY }

    private final Path file;
    private final String what;
    private final Holder holder;
    private final Takeover takeover;

    private RunLock(Path file, String what, Holder holder, Takeover takeover) {
        this.file = file;
        this.what = what;
        this.holder = holder;
        this.takeover = takeover;
    }

    public Path file() {
        return file;
    }

    /** What is locked, as messages name it. */
    public String what() {
        return what;
    }

    /** The earlier holder this lock was taken over from, when there was one. */
    public Optional<Takeover> takeover() {
        return Optional.ofNullable(takeover);
    }

    /**
     * Takes the lock, or takes it over from a holder that no longer runs on this host (its pid is gone, or
     * belongs to a process that started at another time).
     *
     * @param what      what is locked, for messages ("the compose /mnt/compose/9/Rocky-9.7-…")
     * @param breakLock also take over a lock held on another host, or a lock file without a readable holder
     * @throws Locked when the holder runs, or may run; nothing was changed
     */
    public static RunLock acquire(Path file, String what, String command, boolean breakLock) throws Locked {
        return acquire(file, what, Holder.self(command), breakLock);
    }

    /** As {@link #acquire(Path, String, String, boolean)}, naming {@code me}: a run names itself alike in each lock. */
    public static RunLock acquire(Path file, String what, Holder me, boolean breakLock) throws Locked {
        try {
            // in a publish root these are the only entries that are not published; the umask must not make
            // them writable by everyone
            FileModes.createDirectories(file.getParent(), FileModes.DIRECTORY);
            Path partial = file.resolveSibling(file.getFileName() + "." + me.host() + "." + me.pid() + "."
                    + PARTS.incrementAndGet() + ".part");
            Files.writeString(partial, json(me) + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(partial, FileModes.FILE);
            try {
                for (int look = 1; look <= LOOKS; look++) {
                    try {
                        Files.createLink(file, partial);
                        return new RunLock(file, what, me, null);
                    } catch (FileAlreadyExistsException e) {
                        Holder other;
                        try {
                            other = holderOf(file);
                        } catch (NoSuchFileException released) {
                            continue;
                        }
                        Takeover takeover = judge(other, me, what, file, breakLock);
                        Replacement replacement = replaceStale(file, other, partial);
                        if (replacement == Replacement.REPLACED) {
                            return new RunLock(file, what, me, takeover);
                        } else if (replacement == Replacement.BUSY) {
                            Thread.sleep(5);
                        }
                    }
                }
                Path guard = guard(file);
                throw new Locked(what + " is being taken over by another run (" + guard + " stays)",
                        "try again; if no run is taking it over, remove " + guard, false);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lock " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Locked(what + " was not locked: interrupted", null, false);
        }
    }

    /** Whether to take the lock over from {@code other}: why, or the refusal. */
    private static Takeover judge(Holder other, Holder me, String what, Path file, boolean breakLock) throws Locked {
        if (other == null) {
            if (!breakLock) {
                throw new Locked(what + " has a stale lock: a lock file without a readable holder",
                        "give --break-lock to take it over (" + file + ")", true);
            }
            return new Takeover(null, "as --break-lock asks");
        }
        if (other.sameProcess(me)) {
            throw new Locked(what + " is already locked by this process: " + other.describe(), null, false);
        }
        return switch (Liveness.of(other)) {
            case RUNNING -> throw new Locked(what + " is locked by " + other.describe(),
                    "wait for that run to finish, or stop it; nothing was changed", false);
            case ELSEWHERE -> {
                if (!breakLock) {
                    throw new Locked(what + " is locked by " + other.describe()
                            + "; relengine cannot tell from here whether it still runs",
                            "if it does not, give --break-lock to take the lock over (" + file + ")", false);
                }
                yield new Takeover(other, "which relengine cannot check from this host, as --break-lock asks");
            }
            case GONE -> new Takeover(other, "which no longer runs");
            case REUSED -> new Takeover(other, "which no longer runs (its pid is another process's now)");
        };
    }

    /**
     * Replaces the lock file by {@code partial} if it still names {@code stale}. Runs that find the same stale
     * lock race to take it over. Each replaces it only while it holds the lock's takeover guard (a lock of its
     * own, taken the same way, so that a guard left by a run killed in those microseconds is taken over in
     * turn), after reading it again under the guard, and in one rename, so that the lock file is never absent
     * for a newcomer to take. A run that read the stale holder before another run took the lock over finds that
     * run's lock instead, leaves it, and is refused naming it.
     */
    static Replacement replaceStale(Path file, Holder stale, Path partial) throws IOException {
        try (RunLock guard = acquire(guard(file), "the takeover guard of " + file, "taking over " + file, false)) {
            try {
                if (!Objects.equals(holderOf(file), stale)) {
                    return Replacement.CHANGED;
                }
            } catch (NoSuchFileException released) {
                return Replacement.CHANGED;
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Replacement.REPLACED;
        } catch (Locked busy) {
            return Replacement.BUSY;
        }
    }

    private static Path guard(Path file) {
        return file.resolveSibling(file.getFileName() + ".takeover");
    }

    /** The holder named in a lock file, or null when there is none or it cannot be read. */
    public static Holder read(Path file) {
        try {
            return holderOf(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The holder named in a lock file, or null when it names none that can be read. */
    private static Holder holderOf(Path file) throws NoSuchFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return new Holder(node.path("pid").asLong(), node.path("host").asText(),
                    Instant.parse(node.path("started").asText()),
                    node.hasNonNull("processStart") ? Instant.parse(node.get("processStart").asText()) : null,
                    node.hasNonNull("command") ? node.get("command").asText() : null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String json(Holder holder) {
        ObjectNode node = JSON.createObjectNode();
        node.put("pid", holder.pid());
        node.put("host", holder.host());
        node.put("started", holder.started().toString());
        node.put("processStart", holder.processStart() == null ? null : holder.processStart().toString());
        node.put("command", holder.command());
        return node.toString();
    }

    static String host() {
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }

    /** Releases the lock, if the file still names this holder. */
    @Override
    public void close() {
        if (holder.equals(read(file))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the lock " + file, e);
            }
        }
    }

    /**
     * Where the lock of a publish target lives: outside what mirrors copy, under the target's root
     * ({@code /mnt/repos-production/.relengine/locks/mirror_pub_rocky_9.7.lock}).
     */
    public static Path forTarget(String target) {
        int mirror = target.indexOf("/mirror/");
        Path root = mirror > 0 ? Path.of(target.substring(0, mirror)) : Path.of(target).getParent();
        String name = mirror > 0 ? target.substring(mirror + 1) : Path.of(target).getFileName().toString();
        return root.resolve(".relengine/locks").resolve(name.replace('/', '_') + ".lock");
    }
}
