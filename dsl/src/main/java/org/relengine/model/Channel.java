package org.relengine.model;

/** Which stream a release belongs to; it decides the profile, link and publication names. */
public enum Channel {
    STABLE("stable", "", ""),
    BETA("beta", "-beta", "-BETA"),
    LOOKAHEAD("lookahead", "-lookahead", "-LookAhead");

    private final String word;
    private final String profileSuffix;
    private final String publishSuffix;

    Channel(String word, String profileSuffix, String publishSuffix) {
        this.word = word;
        this.profileSuffix = profileSuffix;
        this.publishSuffix = publishSuffix;
    }

    /** The word a recipe writes: {@code channel: beta}. */
    public String word() {
        return word;
    }

    /** Appended to the major version to form the profile: {@code 9-beta}. */
    public String profileSuffix() {
        return profileSuffix;
    }

    /**
     * Appended to the version for the staging directory of beta and lookahead releases, as the toolkit's
     * {@code sync/common_<major>} spells it: {@code -beta} for Rocky 9 (common_9), {@code -BETA} for 8 and 10.
     */
    public String publishSuffix(int major) {
        return this == BETA && major == 9 ? "-beta" : publishSuffix;
    }
}
