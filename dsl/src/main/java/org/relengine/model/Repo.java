package org.relengine.model;

import java.util.List;

/**
 * One repository of the release.
 *
 * @param name       the name on disk and in the published tree ({@code devel})
 * @param from       the name at the package source ({@code all}); equal to name unless renamed
 * @param arches     the arches on which the repo exists, in release order
 * @param multilib   whether the release's multilib arches are added (only {@code devel} in Rocky 9)
 * @param closure    null when the repo's closure is not checked; else the repos it is checked against
 *                   besides itself (empty: itself only)
 * @param comps      the repo carries comps groups (Rocky's MODS_REPOS)
 * @param modules    the repo carries module metadata (Rocky's MODS)
 */
public record Repo(String name, String from, List<String> arches, boolean multilib, boolean debug,
                   boolean source, boolean kickstart, List<String> closure, boolean comps, boolean modules,
                   Origin origin) {

    public boolean existsOn(String arch) {
        return arches.contains(arch);
    }

    public boolean closureChecked() {
        return closure != null;
    }
}
