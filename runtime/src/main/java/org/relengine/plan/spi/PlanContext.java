package org.relengine.plan.spi;

import java.util.List;
import org.relengine.model.ComposePaths;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.PlanOptions;
import org.relengine.plan.TaskKey;

/** What the planning kernel gives a step unit: the recipe, the run's selections and layout, and the plan so far. */
public interface PlanContext {

    Recipe recipe();

    PlanOptions options();

    default Release release() {
        return recipe().release();
    }

    ComposePaths paths();

    ComposeLayout layout();

    /** The repos this run composes: every repo, or those an update run selects. */
    List<Repo> repos();

    /** Whether this run composes {@code arch}. */
    boolean selected(String arch);

    /** Those of {@code arches} this run composes, in their order. */
    default List<String> selected(List<String> arches) {
        return arches.stream().filter(this::selected).toList();
    }

    boolean planned(TaskKey key);

    /**
     * Dependencies declared optional: those of {@code keys} that are planned, or {@code fallback} alone when none
     * is (and nothing when the fallback is not planned either).
     */
    List<TaskKey> plannedOf(List<? extends TaskKey> keys, TaskKey fallback);

    /**
     * Adds a task. Its dependencies must be planned already: one that is not is a fault of the planner, reported
     * at once, never dropped.
     */
    void add(PlannedTask task);

    /** Tasks nothing depends on yet: what a closing task must wait for. */
    List<TaskKey> sinks();

    /** Whether a task planned so far writes into {@code dir} or below it. */
    boolean producedInto(String dir);

    /** The images the compose lists in images.json, as the tasks that make them are planned. */
    ImageList images();

    /**
     * What the next publish task follows: the tasks of the compose nothing depends on when publishing starts, then
     * what each publish step {@linkplain #publishedThrough passed on}.
     */
    List<TaskKey> publishAfter();

    /** The tasks the publish steps after this one follow. */
    void publishedThrough(List<? extends TaskKey> keys);

    /** A tree the run writes, named in the plan's targets ({@code staging}, {@code production}). */
    void target(String name, String path);
}
