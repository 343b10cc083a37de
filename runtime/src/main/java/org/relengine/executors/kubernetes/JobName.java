package org.relengine.executors.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name of a task's Job: {@code relengine-<task id>-<digest>}, a DNS-1123 label of at most 63 characters. The
 * digest is of the compose id, the task id and the hash of the task's ingredients, so the same task of the same
 * compose with the same ingredients always has the same name: a resumed run finds the Job a killed one started.
 */
public final class JobName {

    /** What a Job's name, and the {@code job-name} label of its pods, may hold at most. */
    public static final int MAX = 63;

    private static final String PREFIX = "relengine-";
    private static final int DIGEST = 10;

    private JobName() {
    }

    public static String of(String composeId, String taskId, String hash) {
        String digest = digest(composeId + "\n" + taskId + "\n" + hash).substring(0, DIGEST);
        String readable = label(taskId, MAX - PREFIX.length() - DIGEST - 1).toLowerCase(Locale.ROOT)
                .replace('_', '-').replace('.', '-');
        readable = readable.replaceAll("-+", "-").replaceAll("^-|-$", "");
        return PREFIX + (readable.isEmpty() ? "" : readable + "-") + digest;
    }

    /**
     * A value as a label may hold it: at most {@code max} characters of letters, digits, {@code -_.}, beginning and
     * ending with a letter or digit; other characters become {@code -}.
     */
    public static String label(String value, int max) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (cleaned.length() > max) {
            cleaned = cleaned.substring(0, max);
        }
        return cleaned.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
