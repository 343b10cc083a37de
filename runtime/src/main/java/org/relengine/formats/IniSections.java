package org.relengine.formats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An INI file read and written as Python's {@code configparser} reads and writes it, which is how productmd writes
 * {@code .treeinfo} and how Rocky's toolkit rewrites it: sections and keys in file order, keys lower-cased, values
 * trimmed, comments dropped; written back as {@code [section]}, {@code key = value} lines and a blank line after
 * every section. A file configparser wrote comes back byte for byte.
 */
public final class IniSections {

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    private IniSections() {
    }

    /** @throws IllegalArgumentException at a line that is neither a section, a key nor a continuation */
    public static IniSections parse(String text) {
        IniSections ini = new IniSections();
        Map<String, String> section = null;
        String key = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                key = trimmed.isEmpty() ? null : key;
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && key != null) {
                section.put(key, section.get(key) + "\n" + trimmed);
            } else if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = ini.sections.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1),
                        s -> new LinkedHashMap<>());
                key = null;
            } else {
                int delimiter = firstDelimiter(trimmed);
                if (section == null || delimiter <= 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is not `[section]` or `key = value`: "
                            + trimmed);
                }
                key = trimmed.substring(0, delimiter).strip().toLowerCase(java.util.Locale.ROOT);
                section.put(key, trimmed.substring(delimiter + 1).strip());
            }
        }
        return ini;
    }

    private static int firstDelimiter(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        return equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
    }

    public boolean has(String section) {
        return sections.containsKey(section);
    }

    public String get(String section, String key) {
        Map<String, String> keys = sections.get(section);
        return keys == null ? null : keys.get(key);
    }

    /** Sets a key of an existing section, in its place if it is there, else at the section's end. */
    public void set(String section, String key, String value) {
        Map<String, String> keys = sections.get(section);
        if (keys == null) {
            throw new IllegalArgumentException("no section [" + section + "]");
        }
        keys.put(key, value);
    }

    /** A new, empty section at the end. */
    public void addSection(String section) {
        if (sections.putIfAbsent(section, new LinkedHashMap<>()) != null) {
            throw new IllegalArgumentException("section [" + section + "] exists");
        }
    }

    /** As {@code ConfigParser.write}. */
    public String text() {
        StringBuilder text = new StringBuilder();
        sections.forEach((section, keys) -> {
            text.append('[').append(section).append("]\n");
            keys.forEach((k, v) -> text.append(k).append(" = ").append(v.replace("\n", "\n\t")).append('\n'));
            text.append('\n');
        });
        return text.toString();
    }
}
