package org.relengine.steps.unpack;

import java.util.LinkedHashSet;
import java.util.Set;
import org.relengine.model.Image;
import org.relengine.model.Recipe;

/** Which repo trees receive the boot tree, and so own the compose's images. */
public final class BootTrees {

    private BootTrees() {
    }

    /** Repos whose trees receive the boot tree: those named by an image that is a tree, not a disc. */
    public static Set<String> repos(Recipe recipe) {
        Set<String> names = new LinkedHashSet<>();
        for (Image image : recipe.images()) {
            if (!image.disc() && recipe.repo(image.name()).isPresent()) {
                names.add(image.name());
            }
        }
        return names;
    }

    /** The variant images.json lists the boot and DVD images under: the first repo that receives the boot tree. */
    public static String imagesOwner(Recipe recipe) {
        return repos(recipe).stream().findFirst().orElse("");
    }
}
