package org.relengine.model;

/**
 * Where a recipe's compose and publications live on disk, derived from its roots, release and publish
 * steps. One function per path, used by whatever writes and whatever reads it.
 */
public record ComposePaths(Roots roots, Release release, String stagingSuffix, Sig sig) {

    /** Shown where a compose's date stamp goes before a compose exists. */
    public static final String DATE_PLACEHOLDER = "<YYYYMMDD.HHMMSS>";

    public static ComposePaths of(Recipe recipe) {
        String suffix = recipe.step(Step.Staging.class).map(Step.Staging::suffix)
                .orElse(null);
        return new ComposePaths(recipe.roots(), recipe.release(),
                suffix == null ? recipe.release().stagingSuffix() : suffix, recipe.sig());
    }

    /** {@code /mnt/compose/9}: composes of every channel of a major live side by side, told apart by profile. */
    public String composeParent() {
        return roots.compose() + "/" + release.major();
    }

    public String composeDir(String dateStamp) {
        return composeParent() + "/" + composeId(dateStamp);
    }

    /** {@code Rocky-9.7-<stamp>}; a SIG's {@code SIG-cloud-9.7-<stamp>}, as sync_sig.py names it. */
    public String composeId(String dateStamp) {
        return sig == null ? release.composeId(dateStamp) : sig.shortName() + "-" + release.version() + "-" + dateStamp;
    }

    public String latestLink() {
        return composeParent() + "/" + latestLinkName();
    }

    /** {@code latest-Rocky-9}; a SIG's {@code latest-SIG-cloud-9}. */
    public String latestLinkName() {
        return sig == null ? release.latestLink() : "latest-" + sig.shortName() + "-" + release.major();
    }

    /**
     * Where the compose's published trees are, relative to its {@code compose/}: nothing for a release; a SIG's
     * {@code 9/cloud}, as the mirror carries it.
     */
    public String treeRoot() {
        return sig == null ? "" : release.major() + "/" + sig.name();
    }

    /**
     * {@code /mnt/compose/8_metadata/x86_64/AppStream-modules.yaml}: a repo's module metadata in Rocky's
     * rocky-module-metadata checkout, which the update path prefers to the compose's own.
     */
    public String moduleMetadata(String arch, String repo) {
        return roots.compose() + "/" + release.major() + "_metadata/" + arch + "/" + repo + "-modules.yaml";
    }

    /** {@code /mnt/repos-staging/mirror/pub/rocky/9.7-RC1}; a SIG's {@code /mnt/repos-staging/mirror/pub/sig/9/cloud}. */
    public String stagingDir() {
        return sig == null ? roots.staging() + "/mirror/pub/rocky/" + release.version() + stagingSuffix
                : roots.staging() + "/mirror/pub/sig/" + treeRoot();
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
        if (sig != null) {
            return java.util.List.of();
        }
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

    /** {@code /mnt/repos-production/mirror/vault}: where superseded releases are kept, and its file lists. */
    public String vaultRoot() {
        return roots.production() + "/mirror/vault";
    }

    /**
     * {@code /mnt/repos-production/mirror/vault/rocky/9.7}; a SIG's {@code …/mirror/vault/sig/9.7/cloud}, as
     * vault-sig.sh keeps the major's SIGs under the point release they were built for.
     */
    public String vaultDir() {
        return sig == null ? vaultRoot() + "/rocky/" + release.productionDir()
                : vaultRoot() + "/sig/" + release.version() + "/" + sig.name();
    }

    /** {@code /mnt/repos-production/mirror/pub/rocky/9.7}; a SIG's {@code /mnt/repos-production/mirror/pub/sig/9/cloud}. */
    public String productionDir() {
        return sig == null ? roots.production() + "/mirror/pub/rocky/" + release.productionDir()
                : roots.production() + "/mirror/pub/sig/" + treeRoot();
    }
}
