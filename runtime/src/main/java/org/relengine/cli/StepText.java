package org.relengine.cli;

import java.util.List;
import org.relengine.model.Step;
import org.relengine.plan.spi.StepDescription;
import org.relengine.steps.StepRegistry;

/** A step in one line, with the options that change what it does, as the step's unit describes it. */
final class StepText {

    private StepText() {
    }

    static String describe(Step step) {
        List<String> parts = StepRegistry.standard().units().stream().map(unit -> unit.describe(step))
                .flatMap(java.util.Optional::stream).findFirst().map(StepDescription::parts).orElse(List.of());
        String keyword = String.format("%-11s", step.keyword());
        return parts.isEmpty() ? keyword.strip() : keyword + String.join(", ", parts);
    }
}
