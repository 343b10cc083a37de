package org.relengine.cli

import groovy.transform.CompileStatic
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.security.MessageDigest
import java.util.concurrent.TimeUnit

/**
 * What a mirrored tree is, as two trees are compared: each path under it (relative, sorted) with, for a file,
 * its size, sha256 and modification time to the second, and for a directory just that it is one (an empty
 * directory left behind counts).
 */
@CompileStatic
final class TreeSnapshot {

    private TreeSnapshot() {
    }

    static Map<String, String> of(Path root) {
        Map<String, String> entries = new TreeMap<>()
        Files.walk(root).withCloseable { stream ->
            stream.filter { Path p -> p != root }.forEach { Path p ->
                String relative = root.relativize(p).toString()
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries[relative] = 'directory'
                } else {
                    long seconds = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).to(TimeUnit.SECONDS)
                    entries[relative] = "${Files.size(p)} bytes, sha256 ${sha256(p)}, modified ${seconds} s".toString()
                }
            }
        }
        entries
    }

    static String sha256(Path file) {
        MessageDigest digest = MessageDigest.getInstance('SHA-256')
        Files.newInputStream(file).withCloseable { InputStream input ->
            byte[] buffer = new byte[65536]
            int n
            while ((n = input.read(buffer)) > 0) {
                digest.update(buffer, 0, n)
            }
        }
        digest.digest().encodeHex().toString()
    }
}
