package org.relengine.plan;

import java.util.List;
import org.relengine.model.Recipe;
import org.relengine.model.ExistingCompose;
import org.relengine.model.Roots;
import org.relengine.model.Source;
import org.relengine.model.Executor;
import org.relengine.model.Step;

/** The command line's {@code --root} and {@code --source}, applied to a recipe before planning. */
public final class RecipeOverrides {

    private RecipeOverrides() {
    }

    /**
     * @param root   relocates the compose, staging and production roots to {@code root/compose},
     *               {@code root/staging}, {@code root/production}; null keeps the recipe's
     * @param source replaces the base URL of the source the sync step reads; null keeps it
     */
    public static Recipe apply(Recipe recipe, String root, String source) {
        return apply(recipe, root, source, false);
    }

    /** As {@link #apply(Recipe, String, String)}; {@code local} runs every step on this machine. */
    public static Recipe apply(Recipe recipe, String root, String source, boolean local) {
        Roots roots = recipe.roots();
        ExistingCompose existing = recipe.existing();
        if (root != null) {
            // absolute, so that where a run writes never depends on its working directory
            String base = java.nio.file.Path.of(root).toAbsolutePath().normalize().toString();
            // an existing compose under the recipe's compose root moves with it
            if (existing != null && existing.dir() != null && existing.dir().startsWith(roots.compose() + "/")) {
                existing = new ExistingCompose(base + "/compose" + existing.dir().substring(roots.compose().length()),
                        existing.origin());
            }
            roots = new Roots(base + "/compose", base + "/staging", base + "/production", roots.origin());
        }
        List<Source> sources = recipe.sources();
        if (source != null) {
            var from = recipe.step(Step.Sync.class).map(Step.Sync::from)
                    .orElse(sources.isEmpty() ? null : sources.get(0).kind());
            String url = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
            sources = sources.stream().map(s -> s.kind() == from
                    ? new Source(s.kind(), url, s.project(), s.hashed(), s.origin()) : s).toList();
        }
        List<Step> compose = local ? recipe.compose().stream().map(RecipeOverrides::local).toList() : recipe.compose();
        return new Recipe(recipe.files(), recipe.release(), recipe.arches(), recipe.archesOrigin(), recipe.multilib(),
                sources, recipe.gpg(), recipe.repos(), recipe.lorax(), recipe.images(), recipe.cloudImages(),
                recipe.liveImages(), recipe.extraFiles(), recipe.artifacts(), roots, recipe.executors(), compose,
                recipe.publish(), existing, recipe.sig(), recipe.constants());
    }

    private static Step local(Step step) {
        return step instanceof Step.Placed placed ? placed.on(Executor.LOCAL) : step;
    }
}
