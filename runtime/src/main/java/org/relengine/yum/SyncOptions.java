package org.relengine.yum;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * How trees are synced.
 *
 * @param delete   remove local packages the metadata no longer names, as {@code dnf reposync --delete} does
 * @param state    where what the engine knows of each tree's last sync is kept; null to keep nothing (every sync
 *                 then reads every package it finds)
 * @param gpgKeys  the URLs of the keys packages must be signed with; empty to check no signature
 * @param stopped  why the sync must stop now (the run is stopping, its time ran out), or null while it may go on
 */
public record SyncOptions(boolean delete, Path state, List<String> gpgKeys, Supplier<String> stopped) {

    public SyncOptions {
        gpgKeys = List.copyOf(gpgKeys);
        stopped = stopped == null ? () -> null : stopped;
    }

    public boolean checkSignatures() {
        return !gpgKeys.isEmpty();
    }
}
