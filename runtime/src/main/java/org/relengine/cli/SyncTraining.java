package org.relengine.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.relengine.formats.AtomicFiles;
import org.relengine.formats.Checksums;
import org.relengine.yum.YumMirror;

/**
 * The launcher's training run for {@code relengine sync}: a repository of two packages made in a temporary
 * directory, served on loopback, synced, then synced again unchanged, so that the archive the JVM keeps holds the
 * classes of both paths and no user's first sync pays for making it.
 */
public final class SyncTraining {

    private SyncTraining() {
    }

    public static void main(String[] args) throws IOException {
        served((url, dir) -> {
            QuickSync.Request request = new QuickSync.Request(List.of(new YumMirror.Pair(url, dir.resolve("tree"))),
                    true, dir.resolve("state"), true, YumMirror.CONNECTIONS);
            PrintWriter quiet = new PrintWriter(new StringWriter());
            QuickSync.run(request, quiet, quiet);
            QuickSync.run(request, quiet, quiet);
        });
    }

    /** What a training does with the repository: its URL, and a directory of its own to write in. */
    interface Use {
        void with(String url, Path dir) throws IOException;
    }

    /** Makes the repository in a temporary directory, serves it on loopback while {@code use} runs, then removes both. */
    static void served(Use use) throws IOException {
        Path dir = Files.createTempDirectory("relengine-sync-training");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try {
            Path repo = repository(dir.resolve("repo"));
            server.createContext("/", exchange -> {
                Path file = repo.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                byte[] body = file.startsWith(repo) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
                exchange.getResponseHeaders().add("Last-Modified", "Tue, 11 Nov 2025 15:42:33 GMT");
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            use.with("http://127.0.0.1:" + server.getAddress().getPort(), dir);
        } finally {
            server.stop(0);
            AtomicFiles.deleteTree(dir);
        }
    }

    private static Path repository(Path repo) throws IOException {
        StringBuilder primary = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata xmlns="
                + "\"http://linux.duke.edu/metadata/common\" packages=\"2\">\n");
        for (String name : List.of("a", "b")) {
            byte[] content = name.getBytes(StandardCharsets.UTF_8);
            String href = "Packages/" + name + "/" + name + "-1-1.noarch.rpm";
            Files.createDirectories(repo.resolve(href).getParent());
            Files.write(repo.resolve(href), content);
            primary.append("<package type=\"rpm\"><name>").append(name).append("</name><checksum type=\"sha256\">")
                    .append(sha256(content)).append("</checksum><time file=\"1762875753\"/><size package=\"")
                    .append(content.length).append("\"/><location href=\"").append(href).append("\"/></package>\n");
        }
        primary.append("</metadata>\n");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(primary.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] compressed = gz.toByteArray();
        String name = sha256(compressed) + "-primary.xml.gz";
        Files.createDirectories(repo.resolve("repodata"));
        Files.write(repo.resolve("repodata/" + name), compressed);
        Files.writeString(repo.resolve("repodata/repomd.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<repomd xmlns=\"http://linux.duke.edu/metadata/repo\"><data type=\"primary\"><checksum type=\""
                + "sha256\">" + sha256(compressed) + "</checksum><location href=\"repodata/" + name + "\"/><size>"
                + compressed.length + "</size></data></repomd>\n");
        return repo;
    }

    private static String sha256(byte[] bytes) throws IOException {
        return Checksums.sha256(new java.io.ByteArrayInputStream(bytes));
    }
}
