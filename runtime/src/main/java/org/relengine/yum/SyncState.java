package org.relengine.yum;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.relengine.secrets.SecretUrl;

/**
 * What the engine knows of its last complete sync of a tree: the SHA-256 of the repomd.xml it synced, and each
 * package with the size, modification time and checksum it had then. A re-sync whose repomd.xml is unchanged and
 * whose packages still have their size and time is skipped without reading them; after a change, a package whose
 * size and time are as recorded is taken as verified without hashing it again.
 *
 * @param packages by href
 */
record SyncState(String repomd, Map<String, Entry> packages) {

    record Entry(long size, long mtimeMillis, String checksum) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** The state file of a tree synced from a URL: one per pair, named by a hash of both. */
    static Path file(Path stateDir, String url, Path tree) {
        String bare = SecretUrl.of(url).map(SecretUrl::bare).orElse(url);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((tree.toAbsolutePath().normalize() + "\n" + bare)
                    .getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recorded state, or null when there is none or it cannot be read (then the tree is synced in full). */
    static SyncState read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (JsonParser json = JSON.createParser(file.toFile())) {
            String repomd = null;
            Map<String, Entry> packages = new HashMap<>();
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("repomd")) {
                    repomd = json.getText();
                } else if (field.equals("packages")) {
                    while (json.nextToken() == JsonToken.START_ARRAY) {
                        json.nextToken();
                        String href = json.getText();
                        json.nextToken();
                        long size = json.getLongValue();
                        json.nextToken();
                        long mtime = json.getLongValue();
                        json.nextToken();
                        String checksum = json.getText();
                        json.nextToken();
                        packages.put(href, new Entry(size, mtime, checksum));
                    }
                } else {
                    json.skipChildren();
                }
            }
            return repomd == null ? null : new SyncState(repomd, packages);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Written whole to a temporary name and renamed over the last one. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (JsonGenerator json = JSON.createGenerator(partial.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("repomd", repomd);
            json.writeArrayFieldStart("packages");
            for (Map.Entry<String, Entry> p : packages.entrySet()) {
                json.writeStartArray();
                json.writeString(p.getKey());
                json.writeNumber(p.getValue().size());
                json.writeNumber(p.getValue().mtimeMillis());
                json.writeString(p.getValue().checksum());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
