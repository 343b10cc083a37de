package org.relengine.model;

/**
 * {@code sig 'cloud'}: the recipe composes a Special Interest Group's repos instead of a release of the distribution.
 * The compose is {@code SIG-cloud-9.7-<stamp>} behind {@code latest-SIG-cloud-9}, its trees laid out as the mirror
 * carries them ({@code 9/cloud/<arch>/<repo>}, {@code <arch>/<repo>-debug}, {@code source/<repo>}), published to
 * {@code mirror/pub/sig/9/cloud} in staging and production, as Rocky's sync_sig.py and sync-*-sig.sh do.
 *
 * @param name the SIG's profile, lower case: {@code cloud}, {@code kernel}
 */
public record Sig(String name, Origin origin) {

    /** {@code SIG-cloud}: what the compose directory and its latest link are named after. */
    public String shortName() {
        return "SIG-" + name;
    }
}
