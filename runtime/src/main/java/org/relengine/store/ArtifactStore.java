package org.relengine.store;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.net.HttpGet;
import org.relengine.net.Wait;

/**
 * Where per-arch build results are kept: a directory, or an HTTP listing (an S3 bucket's ListBucket
 * XML, or an HTML index of links). Results are found by name, newest last in name order, as Rocky's
 * pull scripts pick them.
 */
public interface ArtifactStore {

    List<String> list() throws IOException;

    void fetch(String key, Path to) throws IOException;

    /** The newest key containing {@code match} and ending with {@code suffix}. */
    default Optional<String> newest(String match, String suffix) throws IOException {
        return list().stream().filter(k -> k.contains(match) && k.endsWith(suffix)).max(Comparator.naturalOrder());
    }

    /** A result fetched from a store: its key there, and the local file it was fetched into. */
    record Fetched(String key, Path file) {
    }

    /**
     * Fetches the newest result whose key contains {@code match} and ends with {@code suffix} from the store at
     * {@code location} into {@code into}, under the last part of its key, saying so in {@code log}.
     *
     * @param what what a result is, for the failure when there is none ({@code build result}, {@code image})
     * @throws TaskFailure when the store holds no such result
     */
    static Fetched fetchNewest(String location, Wait wait, String match, String suffix, Path into, String what,
                               java.io.PrintWriter log) throws IOException {
        ArtifactStore store = open(location, wait);
        String key = store.newest(match, suffix).orElseThrow(() -> new TaskFailure(
                "no " + what + " matching " + match + "*" + suffix + " in " + location));
        Path file = into.resolve(key.substring(key.lastIndexOf('/') + 1));
        log.println("fetching " + key + " from " + location);
        log.flush();
        store.fetch(key, file);
        return new Fetched(key, file);
    }

    /** The store a recipe names with {@code artifacts}, or else a directory in the compose's work tree. */
    static String location(org.relengine.model.Recipe recipe, String workTree) {
        return recipe.artifacts() == null ? workTree + "/artifacts" : recipe.artifacts().url();
    }

    static ArtifactStore open(String location) {
        return open(location, Wait.within(Duration.ofHours(2)));
    }

    /** @param wait how long reading an HTTP store may take, and who hears what it waits for */
    static ArtifactStore open(String location, Wait wait) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return new Http(location.endsWith("/") ? location : location + "/", wait);
        }
        return new Directory(Path.of(location.startsWith("file://") ? URI.create(location).getPath() : location));
    }

    /** Results in a local directory tree; keys are paths relative to it. */
    record Directory(Path root) implements ArtifactStore {
        public List<String> list() throws IOException {
            if (!Files.isDirectory(root)) {
                throw new TaskFailure("the artifact store " + root + " does not exist");
            }
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
            }
        }

        public void fetch(String key, Path to) throws IOException {
            Files.createDirectories(to.getParent());
            Files.copy(root.resolve(key), to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * An HTTP listing: S3's {@code <Key>} elements, or the {@code href}s of an HTML index. Every read is a
     * {@link HttpGet}: bounded, and said while it waits.
     */
    record Http(String base, Wait reads) implements ArtifactStore {
        private static final Pattern KEY = Pattern.compile("<Key>([^<]+)</Key>");
        private static final Pattern HREF = Pattern.compile("href=\"([^\"?#]+)\"");

        public List<String> list() throws IOException {
            String body = new String(HttpGet.bytes(URI.create(base), reads, null), StandardCharsets.UTF_8);
            List<String> keys = new ArrayList<>();
            Matcher keysFound = KEY.matcher(body);
            while (keysFound.find()) {
                keys.add(keysFound.group(1));
            }
            if (keys.isEmpty()) {
                Matcher links = HREF.matcher(body);
                while (links.find()) {
                    if (!links.group(1).startsWith("/") && !links.group(1).contains("://")) {
                        keys.add(links.group(1));
                    }
                }
            }
            return keys;
        }

        public void fetch(String key, Path to) throws IOException {
            Files.createDirectories(to.getParent());
            Path partial = to.resolveSibling(to.getFileName() + ".part");
            try {
                HttpGet.toFile(URI.create(base + key), partial, reads);
            } catch (IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
