package org.relengine.model;

/**
 * Where a recipe's compose and publications live on disk, derived from its roots, release and publish
 * steps. One function per path, used by whatever writes and whatever reads it.
 */
public record ComposePaths(Roots roots, Release release, String stagingSuffix) {

    /** Shown where a compose's date stamp goes before a compose exists. */
    public static final String DATE_PLACEHOLDER = "<YYYYMMDD.HHMMSS>";

    public static ComposePaths of(Recipe recipe) {
        String suffix = recipe.step(Step.Staging.class).map(Step.Staging::suffix)
                .orElse(null);
        return new ComposePaths(recipe.roots(), recipe.release(),
                suffix == null ? recipe.release().stagingSuffix() : suffix);
    }

    /** {@code /mnt/compose/9}: composes of every channel of a major live side by side, told apart by profile. */
    public String composeParent() {
        return roots.compose() + "/" + release.major();
    }

    public String composeDir(String dateStamp) {
        return composeParent() + "/" + release.composeId(dateStamp);
    }

    public String latestLink() {
        return composeParent() + "/" + release.latestLink();
    }

    /** {@code /mnt/repos-staging/mirror/pub/rocky/9.7-RC1}. */
    public String stagingDir() {
        return roots.staging() + "/mirror/pub/rocky/" + release.version() + stagingSuffix;
    }

    /** {@code /mnt/repos-production/mirror/pub/rocky/9.7}. */
    public String productionDir() {
        return roots.production() + "/mirror/pub/rocky/" + release.productionDir();
    }
}
