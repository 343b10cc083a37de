package org.relengine.steps.sync;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** The closure check of a repo on an arch: {@code repoclosure:AppStream:aarch64}. */
public record RepoClosureKey(String repo, String arch) implements TaskKey {

    @Override
    public String id() {
        return "repoclosure:" + repo + ":" + arch;
    }

    @Override
    public TaskKind kind() {
        return SyncStep.REPOCLOSURE;
    }
}
