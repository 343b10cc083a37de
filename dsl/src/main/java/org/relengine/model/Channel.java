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

    /** Appended to the version for the staging directory of beta and lookahead releases. */
    public String publishSuffix() {
        return publishSuffix;
    }
}
