package org.relengine.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks a run will perform, in an order that respects every dependency; the same recipe and
 * options always give the same plan.
 *
 * @param composeId  the compose's id; holds {@link org.relengine.model.ComposePaths#DATE_PLACEHOLDER}
 *                   until a run allocates the compose
 * @param composeDir where the compose is written (the latest link on update runs)
 */
public record Plan(String recipeFile, List<String> files, String composeId, String composeDir, boolean full,
                   Scope scope, PlanOptions options, Map<String, String> targets, List<Task> tasks) {

    public static final String SCHEMA = "relengine.plan/1";

    public Optional<Task> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
