package org.relengine.model;

/** The kinds of package source a recipe can sync from. */
public enum SourceKind {
    /** Peridot's yumrepofs: {@code <url>/<project>/repo/[hashed-]<repo>/<arch>}. */
    PERIDOT("peridot"),
    /** A published mirror tree (the staging mirror): {@code <url>/<major>/<repo>/<arch>/os}. */
    MIRROR("mirror"),
    /** Any yum base URL, a template with {@code {repo}} and {@code {arch}}. */
    YUM("yum");

    private final String word;

    SourceKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
