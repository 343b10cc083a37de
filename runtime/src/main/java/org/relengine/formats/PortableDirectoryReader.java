package org.relengine.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * Reads directories through the public file API, where the JDK's own attributes object cannot be reached. The
 * "unix" view reads mode, size, mtime and ctime from one {@code lstat}; names are UTF-8 as Java decoded them.
 */
final class PortableDirectoryReader implements DirectoryReader<Path> {

    private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime,ctime";
    private static final int TYPE_MASK = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int LINK = 0120000;

    @Override
    public Path root(Path root) {
        return root;
    }

    @Override
    public Path child(Path parent, byte[] name) {
        return parent.resolve(new String(name, StandardCharsets.UTF_8));
    }

    @Override
    public void read(Path dir, ListedDirectory into) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                Map<String, Object> attributes = Files.readAttributes(child, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                int type = (Integer) attributes.get("mode") & TYPE_MASK;
                long time = Math.max(seconds(attributes.get("lastModifiedTime")), seconds(attributes.get("ctime")));
                into.add(child.getFileName().toString().getBytes(StandardCharsets.UTF_8),
                        DirectoryReader.type(type == LINK, type == DIRECTORY), (Long) attributes.get("size"), time);
            }
        }
    }

    private static long seconds(Object time) {
        return ((FileTime) time).toMillis() / 1000;
    }
}
