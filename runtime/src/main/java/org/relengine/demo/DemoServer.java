package org.relengine.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The demo's package server on loopback: serves a directory tree shaped like Peridot's yumrepofs
 * ({@code /v1/projects/<id>/repo/[hashed-]<repo>/<arch>}) and an artifact bucket; a path ending in
 * {@code /} answers an S3-style {@code ListBucketResult} of every file below it.
 */
public final class DemoServer implements AutoCloseable {

    private final HttpServer server;
    private final Path root;

    private DemoServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    public static DemoServer start(Path root) throws IOException {
        return start(root, 0);
    }

    /**
     * @param port the port to listen on, 0 for any; a resumed demo asks for its earlier port, because the
     *             server's URL is part of what its tasks were planned with
     */
    public static DemoServer start(Path root, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        DemoServer demo = new DemoServer(server, root.toAbsolutePath().normalize());
        server.createContext("/", demo::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "demo-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return demo;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !"GET".equals(exchange.getRequestMethod())
                    && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (path.endsWith("/") && Files.isDirectory(file)) {
                byte[] body = listing(file).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            // as a mirror's web server sends it: a sync keeps it as the file's time, so that a second demo republishes
            // unchanged packages with the times they had
            exchange.getResponseHeaders().set("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneOffset.UTC)));
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(size));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, size);
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    private static String listing(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult>\n");
        for (Path file : files) {
            xml.append("  <Contents><Key>").append(dir.relativize(file).toString().replace('\\', '/'))
                    .append("</Key><Size>").append(Files.size(file)).append("</Size></Contents>\n");
        }
        return xml.append("</ListBucketResult>\n").toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
