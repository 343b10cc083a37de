package org.relengine.steps.treeinfo;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** The tree files of a repo on an arch: {@code treeinfo:BaseOS:x86_64}. */
public record TreeInfoKey(String repo, String arch) implements TaskKey {

    @Override
    public String id() {
        return "treeinfo:" + repo + ":" + arch;
    }

    @Override
    public TaskKind kind() {
        return TreeInfoStep.KIND;
    }
}
