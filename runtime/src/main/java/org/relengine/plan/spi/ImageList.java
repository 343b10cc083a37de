package org.relengine.plan.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.relengine.formats.ImageIdentity;
import org.relengine.plan.PlanException;

/** What images.json lists: each image's path under {@code compose/} → what tells it apart. */
public final class ImageList {

    private final Map<String, ImageIdentity> images = new LinkedHashMap<>();

    /**
     * productmd refuses a compose with two images alike in all of UNIQUE_IMAGE_ATTRIBUTES (productmd/images.py):
     * a recipe that would make them is refused before anything runs.
     */
    public void list(String arch, String path, ImageIdentity identity) {
        images.forEach((other, known) -> {
            if (known.equals(identity) && other.split("/")[1].equals(arch)) {
                throw new PlanException(path + " and " + other + " would be the same image to productmd ("
                        + identity.param() + " on " + arch + ")", "give one of them another variant or name");
            }
        });
        images.put(path, identity);
    }

    public void forEach(java.util.function.BiConsumer<String, ImageIdentity> action) {
        images.forEach(action);
    }
}
