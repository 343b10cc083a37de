package org.relengine.steps.createrepo;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** Staging's repodata of a repo on an arch, made again: {@code createrepo:BaseOS:x86_64}. */
public record CreaterepoKey(String repo, String arch) implements TaskKey {

    @Override
    public String id() {
        return "createrepo:" + repo + ":" + arch;
    }

    @Override
    public TaskKind kind() {
        return CreaterepoStep.KIND;
    }
}
