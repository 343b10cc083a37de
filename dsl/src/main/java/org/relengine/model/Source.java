package org.relengine.model;

/**
 * Where packages come from.
 *
 * @param project Peridot project id (Peridot only)
 * @param hashed  Peridot's {@code hashed-} repo view, which lays packages out as {@code Packages/<letter>/}
 */
public record Source(SourceKind kind, String url, String project, boolean hashed, Origin origin) {

    /** The base URL of one repo's binary packages for an arch (dnf's {@code $basearch} left to the caller). */
    public String binaryUrl(String repo, int major, String arch) {
        return switch (kind) {
            case PERIDOT -> url + "/" + project + "/repo/" + (hashed ? "hashed-" : "") + repo + "/" + arch;
            case MIRROR -> url + "/" + major + "/" + repo + "/" + arch + "/os";
            case YUM -> url.replace("{repo}", repo).replace("{arch}", arch).replace("{major}", String.valueOf(major));
        };
    }

    public String debugUrl(String repo, int major, String arch) {
        return switch (kind) {
            case PERIDOT -> binaryUrl(repo, major, arch) + "-debug";
            case MIRROR -> url + "/" + major + "/" + repo + "/" + arch + "/debug/tree";
            case YUM -> binaryUrl(repo, major, arch + "-debug");
        };
    }

    public String sourceUrl(String repo, int major) {
        return switch (kind) {
            case PERIDOT -> url + "/" + project + "/repo/" + (hashed ? "hashed-" : "") + repo + "/src";
            case MIRROR -> url + "/" + major + "/" + repo + "/source/tree";
            case YUM -> binaryUrl(repo, major, "src");
        };
    }
}
