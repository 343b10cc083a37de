package org.relengine.plan;

/**
 * The paths inside one compose directory ({@code /mnt/compose/9/Rocky-9.7-20251111.154233}): the
 * published tree under {@code compose/}, everything else under {@code work/}. One method per path,
 * used by every task that writes or reads it.
 */
public record ComposeLayout(String composeDir, String composeId, String treeRoot) {

    /** A release's compose: its trees right under {@code compose/}. */
    public ComposeLayout(String composeDir, String composeId) {
        this(composeDir, composeId, "");
    }

    public String compose() {
        return composeDir + "/compose";
    }

    /**
     * What is published of the compose: {@code compose/} itself for a release, {@code compose/9/cloud} for a SIG,
     * whose trees are laid out as the mirror carries them.
     */
    public String published() {
        return treeRoot.isEmpty() ? compose() : compose() + "/" + treeRoot;
    }

    private boolean mirrorShaped() {
        return !treeRoot.isEmpty();
    }

    public String work() {
        return composeDir + "/work";
    }

    /** A file of a task's own making that is not part of the compose, named after {@code path}: under work/tmp. */
    public String scratch(String path, String suffix) {
        return work() + "/tmp/" + path.substring(path.lastIndexOf('/') + 1) + suffix;
    }

    public String logs() {
        return work() + "/logs";
    }

    /** Unique per compose: composes of different releases on one host never share a dnf configuration. */
    public String dnfConfig() {
        return work() + "/dnf/" + composeId + ".repo";
    }

    /** What the native sync engine knows of each tree's last sync, so that a resumed run skips what it has. */
    public String syncState() {
        return work() + "/sync";
    }

    public String dnfCache() {
        return work() + "/dnf/cache";
    }

    /** {@code compose/BaseOS/x86_64/os}; a SIG's {@code compose/9/cloud/x86_64/cloud-common}. */
    public String tree(String repo, String arch) {
        return mirrorShaped() ? published() + "/" + arch + "/" + repo : compose() + "/" + repo + "/" + arch + "/os";
    }

    /** {@code compose/BaseOS/x86_64/debug/tree}; a SIG's {@code compose/9/cloud/x86_64/cloud-common-debug}. */
    public String debugTree(String repo, String arch) {
        return mirrorShaped() ? published() + "/" + arch + "/" + repo + "-debug"
                : compose() + "/" + repo + "/" + arch + "/debug/tree";
    }

    public String kickstartTree(String repo, String arch) {
        return compose() + "/" + repo + "/" + arch + "/kickstart";
    }

    /** {@code compose/BaseOS/source/tree}; a SIG's {@code compose/9/cloud/source/cloud-common}. */
    public String sourceTree(String repo) {
        return mirrorShaped() ? published() + "/source/" + repo : compose() + "/" + repo + "/source/tree";
    }

    public String extraFiles() {
        return work() + "/global/extra-files";
    }

    /** Where lorax builds one arch's boot image when it runs on this machine. */
    public String loraxBuild(String arch) {
        return work() + "/lorax-build/" + arch;
    }

    public String lorax(String arch) {
        return work() + "/lorax/" + arch;
    }

    public String workIsos(String arch) {
        return work() + "/isos/" + arch;
    }

    public String workImages(String arch) {
        return work() + "/images/" + arch;
    }

    public String workLive(String arch) {
        return work() + "/live/" + arch;
    }

    public String isos(String arch) {
        return compose() + "/isos/" + arch;
    }

    public String metadata() {
        return compose() + "/metadata";
    }

    /**
     * Where the extra files (keys, licences) are published with the compose's metadata: {@code compose/metadata}; a
     * SIG's {@code compose/9/cloud/metadata}, as sync_sig.py deploys them.
     */
    public String publishedMetadata() {
        return published() + "/metadata";
    }

    public String torrents() {
        return work() + "/torrents";
    }
}
