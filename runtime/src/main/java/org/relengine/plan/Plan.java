package org.relengine.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relengine.model.ExecutorSettings;
import org.relengine.model.Origin;
import org.relengine.model.Position;

/**
 * The tasks a run will perform, in an order that respects every dependency; the same recipe and
 * options always give the same plan.
 *
 * @param composeId  the compose's id; holds {@link org.relengine.model.ComposePaths#DATE_PLACEHOLDER}
 *                   until a run allocates the compose
 * @param composeDir where the compose is written (the latest link on update runs)
 * @param hashedByContent local inputs the recipe asks to fingerprint by content ({@code hashContent})
 * @param executors  how tasks on podman, mock and Kubernetes run (image, namespace…), as the recipe says
 */
public record Plan(String recipeFile, List<String> files, String composeId, String composeDir, boolean full,
                   Scope scope, PlanOptions options, Map<String, String> targets, List<Task> tasks,
                   List<String> hashedByContent, ExecutorSettings executors) {

    /** The settings of a plan made without a recipe's: podman's default image is Rocky 9's. */
    public static final ExecutorSettings DEFAULT_EXECUTORS = new ExecutorSettings(
            new ExecutorSettings.Podman("docker.io/rockylinux/rockylinux:9", Origin.of(Position.NONE)),
            new ExecutorSettings.Mock("rocky-9-" + ExecutorSettings.Mock.ARCH, "simple", Origin.of(Position.NONE)),
            ExecutorSettings.Kubernetes.DEFAULTS);

    public static final String SCHEMA = "relengine.plan/1";

    /** A plan whose outside inputs are all fingerprinted by size and time. */
    public Plan(String recipeFile, List<String> files, String composeId, String composeDir, boolean full, Scope scope,
                PlanOptions options, Map<String, String> targets, List<Task> tasks) {
        this(recipeFile, files, composeId, composeDir, full, scope, options, targets, tasks, List.of(),
                DEFAULT_EXECUTORS);
    }

    /** The same plan with other tasks. */
    public Plan withTasks(List<Task> others) {
        return new Plan(recipeFile, files, composeId, composeDir, full, scope, options, targets, others,
                hashedByContent, executors);
    }

    /**
     * Whether a task of the plan writes into the tree of the named target ({@code staging}, {@code production}):
     * an output inside it, or beside it in the directory that holds it (the mirror file lists of its module).
     */
    public boolean writes(String target) {
        String dir = targets.get(target);
        if (dir == null) {
            return false;
        }
        java.nio.file.Path tree = java.nio.file.Path.of(dir).normalize();
        return tasks.stream().flatMap(t -> t.outputs().stream()).filter(o -> o.startsWith("/"))
                .map(o -> java.nio.file.Path.of(o).normalize())
                .anyMatch(o -> o.startsWith(tree) || (o.getParent() != null && tree.startsWith(o.getParent())
                        && !o.getParent().equals(tree.getRoot())));
    }

    public Optional<Task> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
