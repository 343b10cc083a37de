package org.relengine.steps.live;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** A live image on an arch: {@code live:Workstation:x86_64}. */
public record LiveKey(String image, String arch) implements TaskKey {

    @Override
    public String id() {
        return "live:" + image + ":" + arch;
    }

    @Override
    public TaskKind kind() {
        return LiveStep.KIND;
    }
}
