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

    /**
     * Why a sync failed, in the words of Rocky's sync units: the repo could not be reached, some packages
     * did not download, or packages were removed for a signature key violation; null when the log says
     * none of these.
     */
    public static String syncFailure(Path log) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (text.contains("Public key for") && text.contains("is not installed")) {
            return "packages were removed due to a signature key violation (Public key … is not installed)";
        }
        if (text.contains("Cannot download repomd.xml") || text.contains("Failed to download metadata")
                || text.contains("Curl error")) {
            return "the repo is unreachable (its metadata could not be downloaded)";
        }
        if (text.contains("[FAILED]") || text.contains("Failed to download")) {
            return "some packages did not download";
        }
        return null;
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
