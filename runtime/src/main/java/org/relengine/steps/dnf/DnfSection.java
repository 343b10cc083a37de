package org.relengine.steps.dnf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relengine.plan.spi.TaskFailure;

/**
 * One repository's section of the compose's dnf configuration, read back: the native sync engine takes its URL,
 * credentials and keys from the same file dnf reads, so that a source's password is written in one place only
 * (that 0600 file), never in the plan.
 */
public record DnfSection(String baseurl, String username, String password, boolean gpgcheck, String gpgkey) {

    public static DnfSection read(Path config, String id) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        String section = null;
        for (String line : Files.readAllLines(config)) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = trimmed.substring(1, trimmed.length() - 1);
            } else if (id.equals(section) && equals > 0 && !trimmed.startsWith("#")) {
                values.putIfAbsent(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
            }
        }
        if (!values.containsKey("baseurl")) {
            throw new TaskFailure(config + " has no section [" + id + "] with a baseurl; the prepare task writes it");
        }
        return new DnfSection(values.get("baseurl"), values.get("username"), values.get("password"),
                "1".equals(values.get("gpgcheck")), values.getOrDefault("gpgkey", ""));
    }

    /** The base URL with the section's credentials in its user information, percent-encoded. */
    public String url() {
        if (username == null) {
            return baseurl;
        }
        int authority = baseurl.indexOf("://") + 3;
        return baseurl.substring(0, authority) + encoded(username) + (password == null || password.isEmpty() ? ""
                : ":" + encoded(password)) + "@" + baseurl.substring(authority);
    }

    private static String encoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
