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

    /**
     * {@code /mnt/compose/8_metadata/x86_64/AppStream-modules.yaml}: a repo's module metadata in Rocky's
     * rocky-module-metadata checkout, which the update path prefers to the compose's own.
     */
    public String moduleMetadata(String arch, String repo) {
        return roots.compose() + "/" + release.major() + "_metadata/" + arch + "/" + repo + "-modules.yaml";
    }

    /** {@code /mnt/repos-staging/mirror/pub/rocky/9.7-RC1}. */
    public String stagingDir() {
        return roots.staging() + "/mirror/pub/rocky/" + release.version() + stagingSuffix;
    }

    /** A symbolic link of the staging tree, and what it leads to, relative to the link's directory. */
    public record Link(String path, String target) {
    }

    /**
     * The links Rocky's staging scripts make beside the staging directory: {@code latest-9} and {@code 9.7} to
     * {@code 9.7-RC2} (minor-release-sync-to-staging.sh; {@code 9.7} only when the directory has a suffix),
     * {@code 9-BETA} to the beta's directory (beta-release-sync-to-staging.sh), {@code 9-LookAhead} to the
     * lookahead's (lh-release-sync-to-staging.sh).
     */
    public java.util.List<Link> stagingLinks() {
        String parent = roots.staging() + "/mirror/pub/rocky/";
        String directory = release.version() + stagingSuffix;
        return switch (release.channel()) {
            case STABLE -> directory.equals(release.version())
                    ? java.util.List.of(new Link(parent + "latest-" + release.major(), directory))
                    : java.util.List.of(new Link(parent + "latest-" + release.major(), directory),
                    new Link(parent + release.version(), directory));
            case BETA -> java.util.List.of(new Link(parent + release.major() + "-BETA", directory));
            case LOOKAHEAD -> java.util.List.of(new Link(parent + release.major() + "-LookAhead", directory));
        };
    }

    /** {@code /mnt/repos-production/mirror/pub/rocky/9.7}. */
    public String productionDir() {
        return roots.production() + "/mirror/pub/rocky/" + release.productionDir();
    }
}
