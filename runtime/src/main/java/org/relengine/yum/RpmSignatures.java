package org.relengine.yum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relengine.formats.AtomicFiles;
import org.relengine.process.Processes;

/**
 * The signatures of downloaded packages, checked as dnf's {@code gpgcheck} checks them: against the recipe's keys
 * only, imported into an rpm database of the sync's own, with {@code rpmkeys --checksig} run over many packages at
 * once. A package fails as unsigned, as signed with a key not given, or as having a bad signature.
 */
final class RpmSignatures {

    /** Packages per rpmkeys process: few processes, and a command line far below the kernel's limit. */
    private static final int BATCH = 200;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RpmSignatures() {
    }

    /** What is wrong with each package whose signature does not pass; the others are not in the map. */
    static Map<Path, String> check(List<Path> packages, List<String> keys, Path db, Fetcher fetcher)
            throws IOException {
        AtomicFiles.deleteTree(db);
        Files.createDirectories(db);
        for (int i = 0; i < keys.size(); i++) {
            Path key = db.resolve("key-" + i + ".asc");
            Files.write(key, keys.get(i).startsWith("file://") ? Files.readAllBytes(Path.of(
                    java.net.URI.create(keys.get(i)))) : fetcher.bytes(keys.get(i)).bytes());
            Processes.Captured imported = Processes.capture(db, List.of("rpmkeys", "--dbpath", db.toString(),
                    "--import", key.toString()), TIMEOUT);
            if (imported.exit() != 0) {
                throw new IOException("rpmkeys could not import the key " + keys.get(i) + ": "
                        + imported.output().strip());
            }
        }
        Map<Path, String> problems = new HashMap<>();
        for (int from = 0; from < packages.size(); from += BATCH) {
            List<Path> batch = packages.subList(from, Math.min(packages.size(), from + BATCH));
            List<String> argv = new ArrayList<>(List.of("rpmkeys", "--dbpath", db.toString(), "--checksig", "-v"));
            batch.forEach(p -> argv.add(p.toString()));
            Processes.Captured checked = Processes.capture(db, argv, TIMEOUT);
            problems.putAll(problems(checked.output(), batch));
        }
        return problems;
    }

    /**
     * Reads rpmkeys' verbose report: a {@code path:} line per package, then one indented line per signature and
     * digest. rpmkeys exits 0 for an unsigned package, so the absence of a signature line is looked for here.
     */
    static Map<Path, String> problems(String output, List<Path> batch) {
        Map<String, Path> byName = new HashMap<>();
        batch.forEach(p -> byName.put(p.toString(), p));
        Map<Path, List<String>> lines = new HashMap<>();
        Path current = null;
        for (String line : output.split("\n")) {
            if (!line.startsWith(" ") && !line.startsWith("\t") && line.endsWith(":")
                    && byName.containsKey(line.substring(0, line.length() - 1))) {
                current = byName.get(line.substring(0, line.length() - 1));
                lines.put(current, new ArrayList<>());
            } else if (current != null) {
                lines.get(current).add(line.strip());
            }
        }
        Map<Path, String> problems = new HashMap<>();
        for (Path p : batch) {
            List<String> report = lines.get(p);
            String problem;
            if (report == null) {
                problem = "rpmkeys did not report on it";
            } else if (report.stream().anyMatch(l -> l.endsWith(": BAD"))) {
                problem = "bad signature or digest (" + first(report, ": BAD") + ")";
            } else if (report.stream().anyMatch(l -> l.endsWith(": NOKEY"))) {
                problem = "signed with a key the recipe does not give (" + first(report, ": NOKEY") + ")";
            } else if (report.stream().noneMatch(l -> l.contains("Signature"))) {
                problem = "unsigned";
            } else if (report.stream().anyMatch(l -> !l.isEmpty() && !l.endsWith(": OK"))) {
                problem = "its signature does not check (" + String.join("; ", report) + ")";
            } else {
                continue;
            }
            problems.put(p, problem);
        }
        return problems;
    }

    private static String first(List<String> report, String suffix) {
        return report.stream().filter(l -> l.endsWith(suffix)).findFirst().orElse("");
    }
}
