package org.relengine.steps.cloud;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** A cloud image of a type (and variant) on an arch: {@code cloud:GenericCloud-Base:x86_64}. */
public record CloudKey(String name, String arch) implements TaskKey {

    @Override
    public String id() {
        return "cloud:" + name + ":" + arch;
    }

    @Override
    public TaskKind kind() {
        return CloudStep.KIND;
    }
}
