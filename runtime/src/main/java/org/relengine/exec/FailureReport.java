package org.relengine.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a failed task's log for what a person needs first: for repoclosure, each package and the
 * dependencies nothing provides, as dnf reports them.
 */
public final class FailureReport {

    private static final Pattern PACKAGE = Pattern.compile("^package: (\\S+) from (\\S+)");

    private FailureReport() {
    }

    /** {@code demo-broken-1.0-1.el9.x86_64 (AppStream) needs demo-missing-capability}, one per package. */
    public static List<String> unresolved(Path log) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.exists(log)) {
            return found;
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = PACKAGE.matcher(lines.get(i).strip());
            if (!m.find()) {
                continue;
            }
            List<String> deps = new ArrayList<>();
            int j = i + 1;
            if (j < lines.size() && lines.get(j).strip().startsWith("unresolved deps")) {
                for (j++; j < lines.size() && lines.get(j).startsWith("    ") && !lines.get(j).strip().isEmpty(); j++) {
                    deps.add(lines.get(j).strip());
                }
            }
            found.add(m.group(1) + " (" + m.group(2) + ") needs " + String.join(", ", deps));
        }
        return found;
    }
}
