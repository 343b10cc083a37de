package org.relengine.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 over a recipe and every file it includes: contents, and names relative to the recipe's
 * directory (so a plan made in one directory is still current when applied from another).
 */
public final class RecipeHash {

    private RecipeHash() {
    }

    public static String of(List<String> files, Map<String, String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            java.nio.file.Path base = java.nio.file.Path.of(files.get(0)).toAbsolutePath().normalize().getParent();
            for (String file : files) {
                String name = base.relativize(java.nio.file.Path.of(file).toAbsolutePath().normalize()).toString();
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(texts.getOrDefault(file, "").getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
