package org.relengine.model;

/**
 * The release a recipe composes. Every name Rocky's tools derive from a release (profile, links,
 * compose ids, publication directories) is computed here from these fields, never hand-edited.
 *
 * @param name      full product name, {@code Rocky Linux}
 * @param shortName short name used in file names, {@code Rocky}
 * @param version   {@code major.minor}, e.g. {@code 9.7}
 * @param rc        release-candidate level ({@code RC1}, {@code BETA1}, {@code LH1}) or null
 * @param isFinal   the compose is the final build: lorax gets {@code --isfinal} and image names carry no RC level
 */
public record Release(String name, String shortName, String version, int major, int minor, String rc,
                      boolean isFinal, Channel channel, String code, String bugUrl, Origin origin) {

    /** The profile that keys links and compose directories: {@code 9}, {@code 9-beta}, {@code 9-lookahead}. */
    public String profile() {
        return major + channel.profileSuffix();
    }

    /** {@code 9.7-RC1} when the release has an RC level, else the version. */
    public String revisionLevel() {
        return rc == null ? version : version + "-" + rc;
    }

    /**
     * Whether the compose is a release candidate that is not the release ({@code rc: 'RC1', final: false}): it is
     * staged as {@code 9.7-RC1} and goes no further; the candidate the recipe marks final is the release.
     */
    public boolean candidate() {
        return rc != null && !isFinal;
    }

    /** Whether image names and volume ids carry the RC level: those of a candidate do, the release's do not. */
    public boolean rcInImageNames() {
        return candidate();
    }

    /**
     * Compose directory name and the content of {@code metadata/COMPOSE_ID}: {@code Rocky-9.8-20251111.154233} for
     * every channel, as empanadas' dnf_utils makes it; the latest link tells the channels apart.
     */
    public String composeId(String dateStamp) {
        return shortName + "-" + version + "-" + dateStamp;
    }

    /** {@code latest-Rocky-9}, {@code latest-Rocky-9-beta}. */
    public String latestLink() {
        return "latest-" + shortName + "-" + profile();
    }

    /**
     * The default suffix of the staging directory: {@code -RC2} for stable, {@code -beta} (Rocky 9) or {@code -BETA},
     * {@code -LookAhead}.
     * A recipe may set another ({@code staging suffix:}); {@link ComposePaths#stagingDir()} applies it.
     */
    public String stagingSuffix() {
        if (channel != Channel.STABLE) {
            return channel.publishSuffix(major);
        }
        return rc == null ? "" : "-" + rc;
    }

    /** Production directory: the staging name cut at its suffix, {@code 9.7}. */
    public String productionDir() {
        return version;
    }

    /** Volume id of the boot and DVD ISOs: {@code Rocky-9-7-x86_64-dvd}. */
    public String volumeId(String arch, String image) {
        StringBuilder id = new StringBuilder(shortName).append('-').append(major).append('-').append(minor);
        if (rcInImageNames()) {
            id.append('-').append(rc);
        }
        return id.append('-').append(arch).append('-').append(image).toString();
    }

    /** {@code Rocky-9.7-x86_64-boot.iso}, {@code Rocky-9.7-RC1-x86_64-boot.iso} for RC builds. */
    public String bootIsoName(String arch) {
        String rcPart = rcInImageNames() ? "-" + rc : "";
        return shortName + "-" + version + rcPart + "-" + arch + "-boot.iso";
    }

    /** Extra ISOs never carry the RC level: {@code Rocky-9.7-x86_64-dvd.iso}. */
    public String isoName(String arch, String image) {
        return shortName + "-" + version + "-" + arch + "-" + image + ".iso";
    }

    /** Legacy osinfo alias: {@code Rocky-x86_64-dvd.iso}. */
    public String genericIsoName(String arch, String image) {
        return shortName + "-" + arch + "-" + image + ".iso";
    }

    /** Always-newest alias: {@code Rocky-9-latest-x86_64-dvd.iso}. */
    public String latestIsoName(String arch, String image) {
        return shortName + "-" + major + "-latest-" + arch + "-" + image + ".iso";
    }
}
