package org.relengine.model;

import java.util.List;

/**
 * An installation image of the ISO map: {@code dvd}, {@code minimal}, or a tree such as {@code BaseOS}.
 *
 * @param disc    an ISO is made; otherwise the image is an installable tree copied into the compose
 * @param skip    declared but not built (Rocky's {@code isoskip})
 * @param graft   the repos' packages and repodata are grafted onto the disc (Rocky's {@code reposcan})
 * @param variant the variant the image's {@code .treeinfo} names as main
 */
public record Image(String name, boolean disc, boolean skip, boolean graft, List<String> repos, String variant,
                    Origin origin) {

    public boolean built() {
        return !skip;
    }
}
