package org.relengine.steps.lorax;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** The boot image of an arch: {@code lorax:aarch64}. */
public record LoraxKey(String arch) implements TaskKey {

    @Override
    public String id() {
        return "lorax:" + arch;
    }

    @Override
    public TaskKind kind() {
        return LoraxStep.KIND;
    }
}
