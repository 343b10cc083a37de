package org.relengine.model;

import java.util.List;

/** How the per-arch boot images are built with lorax. */
public record Lorax(List<String> repos, String variant, List<String> removes, List<String> requires,
                    boolean squashfsOnly, int rootfsSize, Origin origin) {
}
