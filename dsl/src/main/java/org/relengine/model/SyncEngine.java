package org.relengine.model;

/**
 * What syncs a repository's trees: relengine's own engine, in its own process, or {@code dnf reposync}, run where
 * the step runs ({@code on:}), for sources only dnf reads.
 */
public enum SyncEngine {
    NATIVE("native"), DNF("dnf");

    private final String word;

    SyncEngine(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
