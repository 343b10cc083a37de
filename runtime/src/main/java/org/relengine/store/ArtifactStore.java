package org.relengine.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.relengine.net.HttpGet;
import org.relengine.net.Wait;
import org.relengine.plan.spi.TaskFailure;

/**
 * Where per-arch build results are kept: an S3 bucket ({@link S3Store}), a directory, or an anonymous HTTP listing
 * (an S3 bucket's ListBucket XML, or an HTML index of links). Every store holds its results under the keys
 * {@link ResultKeys} lays out, and the newest is the one with the highest upload epoch.
 */
public interface ArtifactStore {

    /** Every key under {@code prefix}: the whole listing, however many pages it takes. */
    List<String> list(String prefix) throws IOException;

    /** Fetches {@code key} into {@code to}, complete or not at all. */
    void fetch(String key, Path to, PrintWriter log) throws IOException;

    /** Puts {@code file} into the store under {@code key}, a reader never seeing half of it. */
    default void put(Path file, String key, PrintWriter log) throws IOException {
        throw new TaskFailure("uploading to " + where(key) + " is not possible: an HTTP listing is read-only; "
                + "name a `bucket` in `artifacts` (or leave `artifacts` out to keep results in the work tree)");
    }

    /** Where {@code key} is, for plans and messages: {@code s3://bucket/key}, a path or a URL. */
    String where(String key);

    default Optional<String> newest(ResultKeys keys) throws IOException {
        return keys.newest(list(keys.prefix()));
    }

    /** A result fetched from a store: its key there, and the local file it was fetched into. */
    record Fetched(String key, Path file) {
    }

    /**
     * Fetches the newest result of {@code keys} from the store at {@code location} into {@code into}, under the last
     * part of its key, saying so in {@code log}.
     *
     * @param what what a result is, for the failure when there is none ({@code build result}, {@code image})
     * @throws TaskFailure when the store holds no such result
     */
    static Fetched fetchNewest(Location location, Wait wait, ResultKeys keys, Path into, String what,
                               PrintWriter log) throws IOException {
        ArtifactStore store = open(location, wait);
        String key = store.newest(keys).orElseThrow(() -> new TaskFailure(
                "no " + what + " matching " + keys.pattern() + " in " + location.display()));
        Path file = into.resolve(key.substring(key.lastIndexOf('/') + 1));
        log.println("fetching " + store.where(key));
        log.flush();
        store.fetch(key, file, log);
        return new Fetched(key, file);
    }

    /**
     * Where a store is, as a plan carries it: a directory or URL, or an S3 bucket with its region, endpoint and
     * addressing.
     */
    record Location(String url, String bucket, String region, String endpoint, boolean pathStyle) {

        public static Location directory(String dir) {
            return new Location(dir, null, null, null, false);
        }

        public boolean s3() {
            return bucket != null;
        }

        /** {@code s3://bucket}, or the directory or URL. */
        public String display() {
            return s3() ? "s3://" + bucket : url;
        }

        /** Where {@code key} is: {@code s3://bucket/key}, {@code dir/key} or {@code url/key}. */
        public String where(String key) {
            return display() + (display().endsWith("/") ? "" : "/") + key;
        }

        /** The parameters of an action that opens this store, read back by {@link #of(Map)}. */
        public Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("store", display());
            if (s3()) {
                if (region != null) {
                    params.put("region", region);
                }
                if (endpoint != null) {
                    params.put("endpoint", endpoint);
                }
                if (pathStyle) {
                    params.put("pathStyle", "true");
                }
            }
            return params;
        }

        public static Location of(Map<String, String> params) {
            String store = params.get("store");
            if (store.startsWith("s3://")) {
                return new Location(null, store.substring("s3://".length()), params.get("region"),
                        params.get("endpoint"), "true".equals(params.get("pathStyle")));
            }
            return new Location(store, null, null, null, false);
        }
    }

    /**
     * The store a recipe names with {@code artifacts}: its bucket when it names one, else its URL or directory; else a
     * directory in the compose's work tree.
     */
    static Location location(org.relengine.model.Recipe recipe, String workTree) {
        var artifacts = recipe.artifacts();
        if (artifacts == null) {
            return Location.directory(workTree + "/artifacts");
        }
        if (artifacts.bucket() != null && !artifacts.bucket().isEmpty()) {
            return new Location(artifacts.url(), artifacts.bucket(), artifacts.region(), artifacts.endpoint(),
                    artifacts.pathStyle());
        }
        return Location.directory(artifacts.url());
    }

    static ArtifactStore open(Location location) {
        return open(location, Wait.within(Duration.ofHours(2)));
    }

    /** @param wait how long reading an HTTP store may take, and who hears what it waits for */
    static ArtifactStore open(Location location, Wait wait) {
        if (location.s3()) {
            return S3Store.of(location);
        }
        String url = location.url();
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return new Http(url.endsWith("/") ? url : url + "/", wait);
        }
        return new Directory(Path.of(url.startsWith("file://") ? URI.create(url).getPath() : url));
    }

    /** Results in a local directory tree; keys are paths relative to it. */
    record Directory(Path root) implements ArtifactStore {
        public List<String> list(String prefix) throws IOException {
            if (!Files.isDirectory(root)) {
                throw new TaskFailure("the artifact store " + root + " does not exist");
            }
            Path under = root.resolve(prefix);
            if (!Files.isDirectory(under)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(under)) {
                return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                        .filter(k -> !k.endsWith(".part")).sorted().toList();
            }
        }

        public void fetch(String key, Path to, PrintWriter log) throws IOException {
            Files.createDirectories(to.getParent());
            Path partial = to.resolveSibling(to.getFileName() + ".part");
            Files.copy(root.resolve(key), partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void put(Path file, String key, PrintWriter log) throws IOException {
            Path target = root.resolve(key);
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.println("uploaded " + file + " to " + target);
        }

        public String where(String key) {
            return root.resolve(key).toString();
        }
    }

    /**
     * An anonymous HTTP listing: S3's ListBucket XML, read page by page ({@code prefix}, then {@code marker} from
     * {@code NextMarker} or the last key while {@code IsTruncated}), or the {@code href}s of an HTML index. Every
     * read is a {@link HttpGet}: bounded, and said while it waits.
     */
    record Http(String base, Wait reads) implements ArtifactStore {
        private static final Pattern KEY = Pattern.compile("<Key>([^<]+)</Key>");
        private static final Pattern TRUNCATED = Pattern.compile("<IsTruncated>\\s*true\\s*</IsTruncated>");
        private static final Pattern NEXT_MARKER = Pattern.compile("<NextMarker>([^<]+)</NextMarker>");
        private static final Pattern HREF = Pattern.compile("href=\"([^\"?#]+)\"");

        /** A bound on the pages of one listing, so that a server repeating itself cannot hold a task forever. */
        static final int MAX_PAGES = 100_000;

        public List<String> list(String prefix) throws IOException {
            List<String> keys = new ArrayList<>();
            String marker = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                String query = "?prefix=" + encode(prefix) + (marker == null ? "" : "&marker=" + encode(marker));
                String body = new String(HttpGet.bytes(URI.create(base + query), reads, null), StandardCharsets.UTF_8);
                if (!body.contains("<ListBucketResult")) {
                    return links(body, prefix);
                }
                List<String> found = new ArrayList<>();
                Matcher keysFound = KEY.matcher(body);
                while (keysFound.find()) {
                    found.add(unescape(keysFound.group(1)));
                }
                // a key ending in / is a directory marker, never a result
                found.stream().filter(k -> k.startsWith(prefix) && !k.endsWith("/")).forEach(keys::add);
                if (!TRUNCATED.matcher(body).find()) {
                    return keys;
                }
                Matcher next = NEXT_MARKER.matcher(body);
                String following = next.find() ? unescape(next.group(1)) : found.isEmpty() ? null : found.get(found.size() - 1);
                if (following == null || following.equals(marker)) {
                    throw new TaskFailure("the listing of " + base + " says it is truncated but names no next key after "
                            + (marker == null ? "its first page" : marker));
                }
                marker = following;
            }
            throw new TaskFailure("the listing of " + base + " did not end within " + MAX_PAGES + " pages");
        }

        private static List<String> links(String body, String prefix) {
            List<String> keys = new ArrayList<>();
            Matcher links = HREF.matcher(body);
            while (links.find()) {
                String link = links.group(1);
                if (!link.startsWith("/") && !link.contains("://") && link.startsWith(prefix)) {
                    keys.add(link);
                }
            }
            return keys;
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
        }

        private static String unescape(String xml) {
            return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&");
        }

        public void fetch(String key, Path to, PrintWriter log) throws IOException {
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

        public String where(String key) {
            return base + key;
        }
    }
}
