package org.relengine.yum;

import java.time.Duration;
import java.util.List;

/**
 * How the sync of one tree ended.
 *
 * @param url        the repository, without credentials
 * @param packages   how many packages its metadata names
 * @param downloaded how many were downloaded (in full or continued)
 * @param deleted    local packages removed because the metadata no longer names them
 * @param bytes      bytes downloaded, metadata included
 * @param failures   each package that could not be had, with why ({@code Packages/f/foo.rpm: GET … answered 404});
 *                   or, when the tree failed as a whole, why
 */
public record TreeResult(String url, java.nio.file.Path tree, Outcome outcome, int packages, int downloaded,
                         int deleted, long bytes, List<String> failures, Duration took) {

    public enum Outcome { SYNCED, UNCHANGED, FAILED }

    public TreeResult {
        failures = List.copyOf(failures);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** One line: {@code 166 packages: 12 downloaded (1.2 MiB), 154 already there, 0 deleted, in 0.8 s}. */
    public String summary() {
        return switch (outcome) {
            case UNCHANGED -> "unchanged since the last sync (same repomd.xml), " + packages + " packages";
            case SYNCED -> packages + " packages: " + downloaded + " downloaded (" + ByteCount.of(bytes) + "), "
                    + (packages - downloaded) + " already there, " + deleted + " deleted, in "
                    + String.format("%.1f s", took.toMillis() / 1000.0);
            case FAILED -> failures.size() == 1 && packages == 0 ? "failed: " + failures.get(0)
                    : "failed: " + failures.size() + " of " + packages + " packages could not be had; the tree "
                    + "keeps its old metadata";
        };
    }
}
