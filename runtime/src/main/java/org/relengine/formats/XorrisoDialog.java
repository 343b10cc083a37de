package org.relengine.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The xorriso commands that make an extra ISO (the DVD) from the boot ISO: the boot ISO is loaded and
 * its boot records replayed; files of the lorax tree that the boot ISO lacks are added, the few it has
 * that a disc changes are updated, then the extra files, the disc's .treeinfo and the repos' packages
 * and repodata. One command per line, for {@code xorriso -options_from_file}.
 */
public final class XorrisoDialog {

    /** Files present in the boot ISO that a disc replaces rather than replays. */
    private static final Set<String> UPDATABLE = Set.of("isolinux/isolinux.cfg", "etc/yaboot.conf",
            "ppc/ppc64/yaboot.conf", "EFI/BOOT/BOOTX64.conf", "EFI/BOOT/grub.cfg", "images/efiboot.img",
            ".discinfo", ".treeinfo");

    private XorrisoDialog() {
    }

    /**
     * @param bootManifest the boot ISO's manifest (paths without leading slash)
     * @param repos        repo name → its os tree
     * @param discFiles    files written for the disc root (its .treeinfo, .discinfo) → their path on disc
     */
    public static String render(Path bootIso, Path iso, String volumeId, String arch, Path loraxTree,
                                Path extraFiles, Map<String, Path> repos, Set<String> bootManifest,
                                Map<Path, String> discFiles) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("-indev " + quote(bootIso.toString()));
        lines.add("-outdev " + quote(iso.toString()));
        lines.add("-boot_image any replay");
        lines.add("-joliet on");
        lines.add("-system_id " + (arch.equals("ppc64le") ? "PPC" : "LINUX"));
        lines.add("-compliance joliet_long_names" + (arch.equals("ppc64le") ? ":untranslated_names" : ""));
        lines.add("-volid " + quote(volumeId));
        Map<String, Path> grafts = new LinkedHashMap<>();
        Set<String> updates = new HashSet<>();
        if (Files.isDirectory(loraxTree)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(loraxTree)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String rel = loraxTree.relativize(file).toString().replace('\\', '/');
                if (rel.equals("images/boot.iso") || rel.equals("images/boot.iso.manifest")) {
                    continue;
                }
                if (!bootManifest.contains(rel)) {
                    grafts.put(rel, file);
                } else if (UPDATABLE.contains(rel)) {
                    grafts.put(rel, file);
                    updates.add(rel);
                }
            }
        }
        if (extraFiles != null && Files.isDirectory(extraFiles)) {
            try (Stream<Path> list = Files.list(extraFiles)) {
                list.filter(Files::isRegularFile).sorted()
                        .forEach(f -> grafts.put(f.getFileName().toString(), f));
            }
        }
        discFiles.forEach((file, rel) -> {
            grafts.put(rel, file);
            if (bootManifest.contains(rel)) {
                updates.add(rel);
            }
        });
        // boot paths first, then everything else; packages last
        grafts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(bootRank(a.getKey()), bootRank(b.getKey())))
                .forEach(e -> lines.add((updates.contains(e.getKey()) ? "-update " : "-map ")
                        + quote(e.getValue().toString()) + " " + quote("/" + e.getKey())));
        for (Map.Entry<String, Path> repo : repos.entrySet()) {
            Path repodata = repo.getValue().resolve("repodata");
            if (Files.isDirectory(repodata)) {
                lines.add("-map " + quote(repodata.toString()) + " " + quote("/" + repo.getKey() + "/repodata"));
            }
        }
        for (Map.Entry<String, Path> repo : repos.entrySet()) {
            Path packages = repo.getValue().resolve("Packages");
            if (Files.isDirectory(packages)) {
                lines.add("-map " + quote(packages.toString()) + " " + quote("/" + repo.getKey() + "/Packages"));
            }
        }
        lines.add("-end");
        return String.join("\n", lines) + "\n";
    }

    private static int bootRank(String path) {
        return path.startsWith("images/") || path.startsWith("isolinux/") || path.startsWith("EFI/")
                || path.startsWith("etc/") || path.startsWith("ppc/") || path.endsWith(".img")
                || path.endsWith(".ins") ? 0 : 1;
    }

    /** xorriso's own quoting for -options_from_file: double quotes, with \" and \\ escaped. */
    static String quote(String word) {
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
