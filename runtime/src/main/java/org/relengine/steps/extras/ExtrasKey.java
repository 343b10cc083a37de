package org.relengine.steps.extras;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** A disc of an image on an arch: {@code extras:dvd:x86_64}. */
public record ExtrasKey(String image, String arch) implements TaskKey {

    @Override
    public String id() {
        return "extras:" + image + ":" + arch;
    }

    @Override
    public TaskKind kind() {
        return ExtrasStep.KIND;
    }
}
