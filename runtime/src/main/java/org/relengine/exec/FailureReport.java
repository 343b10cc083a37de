package org.relengine.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relengine.formats.NoSpace;

/**
 * Reads a failed task's log for what a person needs first: for repoclosure, each package and the
 * dependencies nothing provides, as dnf reports them.
 */
public final class FailureReport {

    private static final Pattern PACKAGE = Pattern.compile("^package: (\\S+) from (\\S+)");

    /** dnf's last word on a package it could not write whole: {@code [FAILED] NAME.rpm: Curl error (23): …}. */
    private static final Pattern TRUNCATED = Pattern.compile("(?m)^\\[FAILED\\] (\\S+): Curl error \\(23\\)");

    /** Where reposync writes: its {@code -p} argument, on the logged command line. */
    private static final Pattern TARGET = Pattern.compile("(?m)^\\$ dnf reposync .* -p (\\S+)");

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
        String noSpace = noSpace(text);
        if (noSpace != null) {
            return noSpace;
        }
        if (text.contains("Public key for") && text.contains("is not installed")) {
            return "packages were removed due to a signature key violation (Public key … is not installed)";
        }
        // dnf's words, then the sync engine's
        if (text.contains("Cannot download repomd.xml") || text.contains("Failed to download metadata")
                || text.contains("Curl error") || text.contains("/repodata/repomd.xml: cannot connect to")) {
            return "the repo is unreachable (its metadata could not be downloaded)";
        }
        if (text.contains("[FAILED]") || text.contains("Failed to download")) {
            return "some packages did not download";
        }
        return null;
    }

    /**
     * A sync the disk had no room for. dnf says so in two ways: curl's error 23 for each package it could not
     * write whole (the file is left truncated, and a later sync downloads it again), and Python's
     * {@code [Errno 28]} for its metadata and cache.
     */
    private static String noSpace(String text) {
        Matcher target = TARGET.matcher(text);
        String into = target.find() ? " into " + target.group(1) : "";
        List<String> truncated = new ArrayList<>();
        Matcher cut = TRUNCATED.matcher(text);
        while (cut.find()) {
            truncated.add(cut.group(1));
        }
        if (!truncated.isEmpty()) {
            return "no space left on device: " + truncated.size() + (truncated.size() == 1 ? " package" : " packages")
                    + " truncated while dnf wrote" + into + " (" + String.join(", ", truncated) + ")";
        }
        if (text.contains("[Errno 28]") || text.contains("No space left on device")) {
            return "no space left on device: dnf could not write" + (into.isEmpty() ? " its metadata or cache"
                    : into + " or its cache");
        }
        // metadata dnf cannot parse, on a disk with almost nothing left: dnf wrote it whole only in its own eyes
        if (target.find(0) && text.contains("parser error") && NoSpace.under(Path.of(target.group(1)), 1 << 20)) {
            return "no space left on device: the file system of " + target.group(1) + " is nearly full, and the "
                    + "metadata dnf wrote there cannot be read back";
        }
        if (target.find(0) && NoSpace.full(Path.of(target.group(1)))) {
            // dnf does not always notice a write the disk had no room for: its metadata is then cut short
            return "no space left on device: the file system of " + target.group(1) + " is full, and dnf failed "
                    + "on what it had written there";
        }
        return null;
    }

    /**
     * What a failed task's log says the cause was, for the summary: a sync's as {@link #syncFailure}; for any
     * other task, a full disk, which its tool may only say in its own words. Null when the log says none.
     */
    public static String cause(org.relengine.plan.Task task, Path log) throws IOException {
        if (task.kind().inputs() == org.relengine.plan.TaskKind.Inputs.REPOSITORIES) {
            return syncFailure(log);
        }
        if (!Files.exists(log)) {
            return null;
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (text.contains("exceeds free space on media")) {
            return "no space left on device: xorriso found less free space than the image needs";
        }
        return text.toLowerCase(java.util.Locale.ROOT).contains("no space left on device")
                ? "no space left on device (the log names what could not be written)" : null;
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
