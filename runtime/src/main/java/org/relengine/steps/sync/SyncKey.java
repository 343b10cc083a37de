package org.relengine.steps.sync;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/**
 * A tree synced from the package source: {@code sync:BaseOS:x86_64:os}, {@code …:debug}, {@code …:kickstart},
 * or a repo's source tree, {@code sync:BaseOS:source}.
 */
public record SyncKey(String repo, String arch, String tree) implements TaskKey {

    public static SyncKey os(String repo, String arch) {
        return new SyncKey(repo, arch, "os");
    }

    public static SyncKey debug(String repo, String arch) {
        return new SyncKey(repo, arch, "debug");
    }

    public static SyncKey kickstart(String repo, String arch) {
        return new SyncKey(repo, arch, "kickstart");
    }

    public static SyncKey source(String repo) {
        return new SyncKey(repo, null, "source");
    }

    @Override
    public String id() {
        return arch == null ? "sync:" + repo + ":" + tree : "sync:" + repo + ":" + arch + ":" + tree;
    }

    @Override
    public TaskKind kind() {
        return SyncStep.SYNC;
    }
}
