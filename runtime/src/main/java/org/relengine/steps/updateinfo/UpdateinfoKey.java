package org.relengine.steps.updateinfo;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** The errata task of one staged os tree: {@code updateinfo:BaseOS:x86_64}. */
public record UpdateinfoKey(String repo, String arch) implements TaskKey {

    @Override
    public String id() {
        return "updateinfo:" + repo + ":" + arch;
    }

    @Override
    public TaskKind kind() {
        return UpdateinfoStep.KIND;
    }
}
