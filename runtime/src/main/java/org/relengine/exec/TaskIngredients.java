package org.relengine.exec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a task's hash is made of, by name: {@code spec} (the task as planned), {@code tool <name>} (the
 * version of each program it runs) and {@code input <path or url>} (the fingerprint of what it reads from
 * outside the compose). Two runs agree on a task when every ingredient agrees; when they do not, the
 * names say why.
 */
public record TaskIngredients(Map<String, String> parts) {

    public TaskIngredients {
        parts = new TreeMap<>(parts);
    }

    /** SHA-256 over every ingredient, name and value, in name order. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            parts.forEach((name, value) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Every ingredient that differs from {@code before}: changed, added or gone, one line each. */
    public List<String> changedSince(Map<String, String> before) {
        List<String> changes = new ArrayList<>();
        parts.forEach((name, value) -> {
            String old = before.get(name);
            if (old == null) {
                changes.add(name + ": new (" + value + ")");
            } else if (!old.equals(value)) {
                changes.add(name + ": was " + old + ", now " + value);
            }
        });
        before.keySet().stream().filter(name -> !parts.containsKey(name))
                .forEach(name -> changes.add(name + ": gone (was " + before.get(name) + ")"));
        return changes;
    }
}
