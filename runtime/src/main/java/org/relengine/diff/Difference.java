package org.relengine.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What changed between two flattened documents: paths added, removed, and changed (old → new). */
public record Difference(Map<String, String> added, Map<String, String> removed, Map<String, String[]> changed) {

    public static Difference between(Map<String, String> before, Map<String, String> after) {
        Map<String, String> added = new java.util.LinkedHashMap<>();
        Map<String, String> removed = new java.util.LinkedHashMap<>();
        Map<String, String[]> changed = new java.util.LinkedHashMap<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String old = before.get(key);
            String now = after.get(key);
            if (old == null) {
                added.put(key, now);
            } else if (now == null) {
                removed.put(key, old);
            } else if (!old.equals(now)) {
                changed.put(key, new String[] {old, now});
            }
        }
        return new Difference(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** One line per difference: {@code + path = value}, {@code - path = value}, {@code ~ path: old → new}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        removed.forEach((k, v) -> lines.add("- " + k + " = " + v));
        added.forEach((k, v) -> lines.add("+ " + k + " = " + v));
        changed.forEach((k, v) -> lines.add("~ " + k + ": " + v[0] + " → " + v[1]));
        return lines;
    }
}
