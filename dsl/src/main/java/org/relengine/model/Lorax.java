package org.relengine.model;

import java.util.List;

/** How the per-arch boot images are built with lorax. */
public record Lorax(List<String> repos, String variant, List<String> removes, List<String> requires,
                    boolean squashfsOnly, int rootfsSize, List<String> sources, Origin origin) {

    public static final List<String> DEFAULT_REPOS = List.of("BaseOS", "AppStream");
    public static final String DEFAULT_VARIANT = "BaseOS";
    public static final int DEFAULT_ROOTFS_SIZE = 4;

    /** What `iso` builds with when the recipe declares no `lorax`: Rocky's build-iso defaults. */
    public static Lorax defaults(Origin origin) {
        return new Lorax(DEFAULT_REPOS, DEFAULT_VARIANT, List.of(), List.of(), false, DEFAULT_ROOTFS_SIZE, List.of(),
                origin);
    }
}
