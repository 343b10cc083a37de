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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lock on a compose directory or a publish target, held for a whole run. The lock file names its
 * holder (pid, host, when, what) so that a second run can say who is in the way. It is created complete
 * (written under a temporary name, then hard-linked to its final name, which fails if it exists), so a
 * crash never leaves a half-written lock. A lock whose holder is gone is stale: reported, and broken
 * only when asked to.
 */
public final class RunLock implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a lock. {@code processStart} tells a live holder from a new process that reused its pid. */
    public record Holder(long pid, String host, Instant started, Instant processStart, String command) {

        /** "running", "no longer runs" (a stale lock), or "on another host" (cannot tell). */
        public String liveness() {
            return !host.equals(host()) ? "on another host" : alive(this) ? "running" : "no longer runs";
        }

        String describe() {
            return "pid " + pid + " on " + host + " since " + started + (command == null ? "" : " (" + command + ")");
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

        public boolean stale() {
            return stale;
        }
    }

    private final Path file;
    private final Holder holder;
    private final Holder broken;

    private RunLock(Path file, Holder holder, Holder broken) {
        this.file = file;
        this.holder = holder;
        this.broken = broken;
    }

    public Path file() {
        return file;
    }

    /** The stale holder this lock replaced, when {@code breakStale} was needed. */
    public Optional<Holder> broken() {
        return Optional.ofNullable(broken);
    }

    /**
     * @param what       what is locked, for messages ("the compose /mnt/compose/9/Rocky-9.7-…")
     * @param breakStale take over a lock whose holder is gone, or runs on another host
     */
    public static RunLock acquire(Path file, String what, String command, boolean breakStale) throws Locked {
        ProcessHandle self = ProcessHandle.current();
        Holder me = new Holder(self.pid(), host(), Instant.now(),
                self.info().startInstant().orElse(null), command);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + "." + me.pid() + ".part");
            Files.writeString(partial, json(me) + "\n", StandardCharsets.UTF_8);
            try {
                Holder replaced = null;
                for (int attempt = 0; ; attempt++) {
                    try {
                        Files.createLink(file, partial);
                        return new RunLock(file, me, replaced);
                    } catch (FileAlreadyExistsException e) {
                        Holder other = read(file);
                        if (other != null && other.pid() == me.pid() && other.host().equals(me.host())) {
                            throw new Locked(what + " is already locked by this process", null, false);
                        }
                        boolean here = other != null && other.host().equals(me.host());
                        boolean alive = here && alive(other);
                        if (alive) {
                            throw new Locked(what + " is locked by " + other.describe(),
                                    "wait for that run to finish, or stop it; nothing was changed", false);
                        }
                        String who = other == null ? "a lock file without a readable holder" : other.describe();
                        if (!breakStale || attempt > 0) {
                            throw here || other == null
                                    ? new Locked(what + " has a stale lock: " + who
                                            + (other == null ? "" : ", which no longer runs"),
                                            "give --break-lock to take it over (" + file + ")", true)
                                    : new Locked(what + " is locked by " + who
                                            + "; relengine cannot tell from here whether it still runs",
                                            "if it does not, give --break-lock to take the lock over (" + file + ")",
                                            false);
                        }
                        replaced = other;
                        Files.deleteIfExists(file);
                    }
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lock " + file, e);
        }
    }

    /** The holder named in a lock file, or null when there is none or it cannot be read. */
    public static Holder read(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return new Holder(node.path("pid").asLong(), node.path("host").asText(),
                    Instant.parse(node.path("started").asText()),
                    node.hasNonNull("processStart") ? Instant.parse(node.get("processStart").asText()) : null,
                    node.hasNonNull("command") ? node.get("command").asText() : null);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean alive(Holder holder) {
        return ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive).map(p -> {
            if (holder.processStart() == null) {
                return true;
            }
            return p.info().startInstant()
                    .map(start -> Duration.between(start, holder.processStart()).abs().toSeconds() < 2)
                    .orElse(true);
        }).orElse(false);
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
        Holder current = read(file);
        if (current != null && current.pid() == holder.pid() && current.host().equals(holder.host())) {
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
