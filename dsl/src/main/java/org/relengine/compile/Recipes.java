package org.relengine.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.relengine.model.Recipe;
import org.relengine.validate.Diagnostics;
import org.relengine.validate.RecipeValidator;

/**
 * The one entry point from a recipe file to a validated model: read (with includes), check against the
 * grammar, build, validate. Validation of meaning only runs when the text itself was sound, so that one
 * mistake does not cascade into several reports.
 */
public final class Recipes {

    /**
     * The outcome: the model (null when the text could not be read), every diagnostic, the texts read and the
     * files they were read from, the recipe first (also when reading stopped part-way, so that what was read can
     * be told apart from what a plan was made from).
     */
    public record Result(Recipe recipe, Diagnostics diagnostics, Map<String, String> sources, List<String> files) {
        public boolean ok() {
            return recipe != null && !diagnostics.hasErrors();
        }
    }

    private Recipes() {
    }

    public static Result load(Path file) {
        return load(file, RecipeReader.FILES);
    }

    /** As {@link #load(Path)}, reading the recipe and its includes through {@code reader}. */
    public static Result load(Path file, RecipeReader reader) {
        Diagnostics diagnostics = new Diagnostics();
        return finish(RecipeLoader.load(file, reader, diagnostics), diagnostics);
    }

    /** As {@link #load(Path)}, for recipe text not (yet) on disk; includes resolve beside {@code name}. */
    public static Result load(Path name, String text) {
        Diagnostics diagnostics = new Diagnostics();
        return finish(RecipeLoader.load(name, text, diagnostics), diagnostics);
    }

    private static Result finish(RecipeLoader.Loaded loaded, Diagnostics diagnostics) {
        if (diagnostics.hasErrors()) {
            return new Result(null, diagnostics, loaded.sources(), loaded.files());
        }
        Recipe recipe = ModelBuilder.build(loaded);
        RecipeValidator.validate(recipe, diagnostics);
        return new Result(recipe, diagnostics, loaded.sources(), loaded.files());
    }
}
