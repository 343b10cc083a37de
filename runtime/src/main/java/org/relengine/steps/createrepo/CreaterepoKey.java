package org.relengine.steps.createrepo;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.steps.publish.StagedTree;

/** Staging's repodata of a repo on an arch, made again: {@code createrepo:BaseOS:x86_64}. */
/** The createrepo task of one staged tree: {@code createrepo:BaseOS:x86_64}, {@code …:x86_64:debug}, {@code …:source}. */
public record CreaterepoKey(String repo, String arch, StagedTree.Kind tree) implements TaskKey {

    @Override
    public String id() {
        return "createrepo:" + repo + switch (tree) {
            case OS -> ":" + arch;
            case SOURCE -> ":source";
            default -> ":" + arch + ":" + tree.word();
        };
    }

    @Override
    public TaskKind kind() {
        return CreaterepoStep.KIND;
    }
}
