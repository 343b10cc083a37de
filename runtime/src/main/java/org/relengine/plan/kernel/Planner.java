package org.relengine.plan.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relengine.model.Artifacts;
import org.relengine.model.ComposePaths;
import org.relengine.model.Recipe;
import org.relengine.model.Repo;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanException;
import org.relengine.plan.PlanOptions;
import org.relengine.plan.Scope;
import org.relengine.plan.Task;
import org.relengine.plan.TaskKey;
import org.relengine.plan.spi.ImageList;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.StepUnit;

/**
 * The planning kernel: turns a validated recipe into the DAG of tasks a run performs. It knows no kind of step:
 * it makes the run's selections and layout, then asks each step unit, phase by phase in the registry's order, to
 * add its tasks, and checks what they add. Deterministic: tasks keep the order they are added in.
 */
public final class Planner implements PlanContext {

    private final Recipe recipe;
    private final PlanOptions options;
    private final ComposePaths paths;
    private final ComposeLayout layout;
    private final Selection selection;
    private final Map<String, Entry> tasks = new LinkedHashMap<>();
    private final ImageList images = new ImageList();
    private final Map<String, String> targets = new LinkedHashMap<>();
    private List<TaskKey> publishAfter;

    private record Entry(TaskKey key, Task task) {
    }

    private Planner(Recipe recipe, PlanOptions options) {
        this.recipe = recipe;
        this.options = options;
        this.paths = ComposePaths.of(recipe);
        String stamp = options.dateStamp() == null ? ComposePaths.DATE_PLACEHOLDER : options.dateStamp();
        if (recipe.publishesExisting()) {
            String dir = recipe.existing().dir();
            this.layout = new ComposeLayout(dir, dir.substring(dir.lastIndexOf('/') + 1));
        } else {
            this.layout = newCompose()
                    ? new ComposeLayout(paths.composeDir(stamp), paths.composeId(stamp), paths.treeRoot())
                    : new ComposeLayout(paths.latestLink(), paths.latestLinkName(), paths.treeRoot());
        }
        this.selection = Selection.of(recipe, options);
        targets.put("compose", layout.composeDir());
        if (!recipe.publishesExisting()) {
            targets.put("latest", paths.latestLink());
        }
    }

    /** @param units every step unit, in the registry's order */
    public static Plan plan(Recipe recipe, PlanOptions options, List<StepUnit> units) {
        return new Planner(recipe, published(recipe, options)).plan(units);
    }

    /**
     * A recipe that publishes an existing compose plans its publish steps only, on that compose: no new compose, no
     * compose step, the compose's STATUS and latest link left as they are.
     */
    private static PlanOptions published(Recipe recipe, PlanOptions options) {
        if (!recipe.publishesExisting()) {
            return options;
        }
        if (options.scope() == Scope.COMPOSE) {
            throw new PlanException("--only compose: the recipe publishes the existing compose "
                    + recipe.existing().dir() + ", and composes nothing", "run it without --only, or with --only publish");
        }
        return new PlanOptions(false, options.repos(), options.arches(),
                options.scope().vault() ? Scope.VAULT : Scope.PUBLISH, options.debug(),
                options.source(), options.image(), options.dateStamp(), options.allowDeletions());
    }

    private boolean newCompose() {
        return options.full() && options.scope().compose();
    }

    private Plan plan(List<StepUnit> units) {
        units.forEach(unit -> unit.declare(this));
        for (Phase phase : Phase.values()) {
            if (!phase.applies(options)) {
                continue;
            }
            if (phase == Phase.PUBLISH) {
                publishAfter = tasks.isEmpty() ? List.of() : sinks();
            }
            units.stream().filter(unit -> unit.phase() == phase).forEach(unit -> unit.plan(this));
        }
        Artifacts store = recipe.artifacts();
        List<String> hashed = store != null && store.hashContent() && store.bucket() == null
                && store.url() != null && store.url().startsWith("/")
                ? List.of(store.url()) : List.of();
        return new Plan(recipe.file(), recipe.files(), layout.composeId(), layout.composeDir(), newCompose(),
                options.scope(), options, targets, tasks.values().stream().map(Entry::task).toList(), hashed,
                recipe.executors());
    }

    @Override
    public Recipe recipe() {
        return recipe;
    }

    @Override
    public PlanOptions options() {
        return options;
    }

    @Override
    public ComposePaths paths() {
        return paths;
    }

    @Override
    public ComposeLayout layout() {
        return layout;
    }

    @Override
    public List<Repo> repos() {
        return selection.repos();
    }

    @Override
    public boolean selected(String arch) {
        return selection.arches().contains(arch);
    }

    @Override
    public boolean planned(TaskKey key) {
        return tasks.containsKey(key.id());
    }

    @Override
    public List<TaskKey> plannedOf(List<? extends TaskKey> keys, TaskKey fallback) {
        Set<String> seen = new LinkedHashSet<>();
        List<TaskKey> present = new ArrayList<>();
        for (TaskKey key : keys) {
            if (planned(key) && seen.add(key.id())) {
                present.add(key);
            }
        }
        return present.isEmpty() && planned(fallback) ? List.of(fallback) : present;
    }

    @Override
    public void add(PlannedTask t) {
        String id = t.key().id();
        if (tasks.containsKey(id)) {
            throw new IllegalStateException("task planned twice: " + id);
        }
        List<String> dependsOn = new ArrayList<>();
        for (TaskKey dep : t.dependsOn()) {
            if (!planned(dep)) {
                throw new IllegalStateException("task " + id + " depends on unplanned task " + dep.id()
                        + " (a dependency that may be missing is declared with plannedOf)");
            }
            dependsOn.add(dep.id());
        }
        tasks.put(id, new Entry(t.key(), new Task(id, t.key().kind(), t.repo(), t.arch(), List.copyOf(dependsOn),
                List.copyOf(t.inputs()), List.copyOf(t.outputs()), t.executor(), t.failable(),
                List.copyOf(t.actions()), t.retry())));
    }

    @Override
    public List<TaskKey> sinks() {
        Set<String> depended = new LinkedHashSet<>();
        tasks.values().forEach(e -> depended.addAll(e.task().dependsOn()));
        return tasks.values().stream().filter(e -> !depended.contains(e.task().id())).map(Entry::key).toList();
    }

    @Override
    public boolean producedInto(String dir) {
        return tasks.values().stream().flatMap(e -> e.task().outputs().stream())
                .anyMatch(o -> o.equals(dir) || o.startsWith(dir + "/"));
    }

    @Override
    public ImageList images() {
        return images;
    }

    @Override
    public List<TaskKey> publishAfter() {
        if (publishAfter == null) {
            throw new IllegalStateException("only a unit of the publish phase follows what was published before it");
        }
        return publishAfter;
    }

    @Override
    public void publishedThrough(List<? extends TaskKey> keys) {
        publishAfter = List.copyOf(keys);
    }

    @Override
    public void target(String name, String path) {
        targets.put(name, path);
    }
}
