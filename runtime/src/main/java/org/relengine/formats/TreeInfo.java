package org.relengine.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code .treeinfo} (productmd treeinfo 1.2, sections and keys sorted), {@code .discinfo} and
 * {@code media.repo} of an install or repo tree, in the shapes Anaconda, Foreman and Uyuni read.
 */
public final class TreeInfo {

    /** Boot image entries lorax leaves in a tree, by treeinfo key. */
    private static final Map<String, String> IMAGES = Map.of(
            "kernel", "images/pxeboot/vmlinuz",
            "initrd", "images/pxeboot/initrd.img",
            "efiboot.img", "images/efiboot.img",
            "boot.iso", "images/boot.iso");

    private TreeInfo() {
    }

    /**
     * @param variants the tree's own variant first; others map to their relative repository path
     * @param timestamp seconds since the epoch, the same in .treeinfo, .discinfo and media.repo
     */
    public static String treeinfo(Path tree, String arch, String name, String shortName, String version,
                                  String ownVariant, Map<String, String> variants, long timestamp,
                                  DiscMedia disc) throws IOException {
        Map<String, Map<String, String>> sections = new TreeMap<>();
        sections.put("header", new TreeMap<>(Map.of("type", "productmd.treeinfo", "version", "1.2")));
        sections.put("release", new TreeMap<>(Map.of("name", name, "short", shortName, "version", version)));
        List<String> all = new ArrayList<>(variants.keySet());
        all.add(ownVariant);
        sections.put("tree", new TreeMap<>(Map.of("arch", arch, "build_timestamp", String.valueOf(timestamp),
                "platforms", arch, "variants", String.join(",", all.stream().sorted().distinct().toList()))));
        Map<String, String> own = variant(ownVariant, ".", "Packages");
        sections.put("variant-" + ownVariant, own);
        variants.forEach((uid, path) -> sections.put("variant-" + uid, variant(uid, path, path + "/Packages")));
        Map<String, String> images = new TreeMap<>();
        Map<String, String> checksums = new TreeMap<>();
        for (Map.Entry<String, String> image : IMAGES.entrySet()) {
            Path file = tree.resolve(image.getValue());
            if (Files.isRegularFile(file) && !(disc != null && image.getKey().equals("boot.iso"))) {
                images.put(image.getKey(), image.getValue());
                checksums.put(image.getValue(), "sha256:" + Checksums.sha256Once(file));
            }
        }
        Path stage2 = tree.resolve("images/install.img");
        if (Files.isRegularFile(stage2)) {
            sections.put("stage2", new TreeMap<>(Map.of("mainimage", "images/install.img")));
            checksums.put("images/install.img", "sha256:" + Checksums.sha256Once(stage2));
        }
        if (!images.isEmpty()) {
            sections.put("images-" + arch, images);
        }
        if (!checksums.isEmpty()) {
            sections.put("checksums", checksums);
        }
        if (disc != null) {
            sections.put("media", new TreeMap<>(Map.of("discnum", "1", "totaldiscs", "1")));
        }
        StringBuilder text = new StringBuilder();
        sections.forEach((section, keys) -> {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append('[').append(section).append("]\n");
            keys.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        });
        return text.toString();
    }

    private static Map<String, String> variant(String uid, String repository, String packages) {
        return new TreeMap<>(Map.of("id", uid, "name", uid, "packages", packages, "repository", repository,
                "type", "variant", "uid", uid));
    }

    /** Marks a disc's .treeinfo: media section, no boot.iso entry. */
    public record DiscMedia() {
    }

    public static String discinfo(long timestamp, String description, String arch) {
        return timestamp + ".0\n" + description + "\n" + arch + "\nALL\n";
    }

    public static String mediaRepo(long timestamp, String description) {
        return "[InstallMedia]\nname=" + description + "\nmediaid=" + timestamp + ".0\nmetadata_expire=-1\n"
                + "gpgcheck=0\ncost=500\n";
    }
}
