package org.relengine.steps;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.relengine.exec.TaskFailure;

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

    static ArtifactStore open(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return new Http(location.endsWith("/") ? location : location + "/");
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

    /** An HTTP listing: S3's {@code <Key>} elements, or the {@code href}s of an HTML index. */
    record Http(String base) implements ArtifactStore {
        private static final Pattern KEY = Pattern.compile("<Key>([^<]+)</Key>");
        private static final Pattern HREF = Pattern.compile("href=\"([^\"?#]+)\"");
        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        public List<String> list() throws IOException {
            String body = send(URI.create(base), HttpResponse.BodyHandlers.ofString()).body();
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
            try (InputStream in = send(URI.create(base + key), HttpResponse.BodyHandlers.ofInputStream()).body()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        private static <T> HttpResponse<T> send(URI uri, HttpResponse.BodyHandler<T> handler) throws IOException {
            try {
                HttpResponse<T> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                        .GET().build(), handler);
                if (response.statusCode() != 200) {
                    throw new TaskFailure("GET " + uri + " answered " + response.statusCode());
                }
                return response;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
        }
    }
}
