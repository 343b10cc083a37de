package org.relengine.steps.unpack;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** An arch's boot tree, pulled from the artifact store and unpacked: {@code unpack:x86_64}. */
public record UnpackKey(String arch) implements TaskKey {

    @Override
    public String id() {
        return "unpack:" + arch;
    }

    @Override
    public TaskKind kind() {
        return UnpackStep.KIND;
    }
}
