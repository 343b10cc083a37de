package org.relengine.plan.spi;

import java.util.ArrayList;
import java.util.List;
import org.relengine.dsl.DurationText;
import org.relengine.model.Executor;
import org.relengine.model.Step;

/** A step in the words `relengine show` gives it: the options that change what it does, each a few words. */
public final class StepDescription {

    private final List<String> parts = new ArrayList<>();

    public StepDescription add(String part) {
        parts.add(part);
        return this;
    }

    public StepDescription addIf(boolean when, String part) {
        return when ? add(part) : this;
    }

    public StepDescription on(Executor executor) {
        return add("on " + executor.word());
    }

    public StepDescription failable(Step.Failability failable) {
        if (failable.everywhere()) {
            add("failable");
        } else if (!failable.arches().isEmpty()) {
            add("failable on " + String.join(" ", failable.arches()));
        }
        return this;
    }

    public StepDescription retry(Step.Retry retry) {
        return addIf(retry.retries() > 0, retry.retries() + (retry.retries() == 1 ? " retry" : " retries") + " after "
                + DurationText.format(retry.delay()) + ", doubling");
    }

    /** What a publish sync leaves alone: paths neither copied nor deleted, and paths copied but never deleted. */
    public StepDescription exclude(List<String> exclude, List<String> protect) {
        addIf(!exclude.isEmpty(), "excluding " + String.join(", ", exclude));
        return addIf(!protect.isEmpty(), "never deleting " + String.join(", ", protect));
    }

    public StepDescription owner(String chown) {
        return addIf(chown != null, "owner " + chown);
    }

    public List<String> parts() {
        return List.copyOf(parts);
    }
}
