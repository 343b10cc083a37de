package org.relengine.steps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relengine.exec.Journal;
import org.relengine.exec.TaskFailure;
import org.relengine.formats.Checksums;
import org.relengine.formats.ImageIdentity;
import org.relengine.formats.IsoVolume;
import org.relengine.formats.ProductMetadata;
import org.relengine.formats.TreeInfo;
import org.relengine.formats.XorrisoDialog;

/**
 * The content of every file a plan writes without knowing it in advance, by producer name: null means
 * there is nothing to write (an arch directory without images has no CHECKSUM).
 */
public final class Producers {

    private final long timestamp = System.currentTimeMillis() / 1000;

    public String produce(String producer, Map<String, String> p, Path path) throws IOException {
        switch (producer) {
            case ".treeinfo":
                return TreeInfo.treeinfo(Path.of(p.get("tree")), p.get("arch"), p.get("name"), p.get("short"),
                        p.get("version"), p.get("repo"), otherVariants(p), timestamp, null);
            case ".discinfo":
                return TreeInfo.discinfo(timestamp, p.get("description"), p.get("arch"));
            case "media.repo":
                return TreeInfo.mediaRepo(timestamp, p.get("description"));
            case "checksum":
                return Checksums.fileChecksum(Path.of(p.get("file")));
            case "CHECKSUM from the per-file .CHECKSUM files":
                return Checksums.merged(Path.of(p.get("dir")));
            case "ISO manifest":
                return manifest(p);
            case "xorriso graft list":
                return xorrisoDialog(p);
            case "compose status":
                return status(Path.of(p.get("journal")));
            case "productmd 1.2 composeinfo.json":
                return ProductMetadata.composeinfo(compose(p));
            case "productmd 1.2 images.json":
                return ProductMetadata.images(compose(p));
            case "productmd 1.2 rpms.json":
                return ProductMetadata.rpms(compose(p));
            default:
                throw new TaskFailure("writing " + path + " (" + producer + ") is not available in this version");
        }
    }

    private static Map<String, String> otherVariants(Map<String, String> p) {
        Map<String, String> others = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (k.startsWith("variant.")) {
                others.put(k.substring("variant.".length()), v);
            }
        });
        return others;
    }

    private static String manifest(Map<String, String> p) throws IOException {
        Path listing = Path.of(p.get("listing"));
        String manifest = IsoVolume.manifest(Files.readString(listing, StandardCharsets.UTF_8));
        if ("true".equals(p.get("remove"))) {
            Files.deleteIfExists(listing);
        }
        return manifest;
    }

    private String xorrisoDialog(Map<String, String> p) throws IOException {
        Path boot = Path.of(p.get("boot"));
        Path manifestFile = Path.of(p.get("boot") + ".manifest");
        Set<String> manifest = Files.exists(manifestFile)
                ? new HashSet<>(Files.readAllLines(manifestFile, StandardCharsets.UTF_8)) : Set.of();
        Map<String, Path> repos = new LinkedHashMap<>();
        if (!p.get("repos").isEmpty()) {
            for (String entry : p.get("repos").split(",")) {
                repos.put(entry.substring(0, entry.indexOf('=')), Path.of(entry.substring(entry.indexOf('=') + 1)));
            }
        }
        // the disc's own tree files: its variants are the repos it carries, AppStream main
        Path root = Path.of(p.get("root"));
        Files.createDirectories(root);
        Map<String, String> variants = new LinkedHashMap<>();
        repos.keySet().stream().filter(r -> !r.equals(p.get("variant"))).forEach(r -> variants.put(r, r));
        String own = repos.containsKey(p.get("variant")) ? p.get("variant") : repos.keySet().stream().findFirst()
                .orElse(p.get("variant"));
        String treeinfo = TreeInfo.treeinfo(Path.of(p.get("tree")), p.get("arch"), p.get("name"), p.get("short"),
                p.get("version"), own, variants, timestamp, new TreeInfo.DiscMedia())
                .replace("packages = Packages\nrepository = .\n", "packages = " + own + "/Packages\nrepository = " + own
                        + "\n");
        Files.writeString(root.resolve(".treeinfo"), treeinfo);
        Files.writeString(root.resolve(".discinfo"), TreeInfo.discinfo(timestamp, p.get("name") + " "
                + p.get("version"), p.get("arch")));
        Map<Path, String> discFiles = new LinkedHashMap<>();
        discFiles.put(root.resolve(".treeinfo"), ".treeinfo");
        discFiles.put(root.resolve(".discinfo"), ".discinfo");
        Path iso = Path.of(p.get("out"));
        // xorriso refuses to overwrite; a re-run starts from a clean output
        Files.deleteIfExists(iso);
        String extra = p.get("extra");
        // the disc keeps the boot ISO's own label: its boot menu (inst.stage2=hd:LABEL=…) names it
        String volumeId = IsoVolume.volumeId(boot);
        if (!volumeId.equals(p.get("volid"))) {
            throw new TaskFailure("the boot ISO " + boot.getFileName() + " is labelled " + volumeId + ", but this "
                    + "release's discs are labelled " + p.get("volid") + ": was it built for another release or RC level?");
        }
        return XorrisoDialog.render(boot, iso, volumeId, p.get("arch"), Path.of(p.get("tree")),
                extra == null ? null : Path.of(extra), repos, manifest, discFiles);
    }

    private static String status(Path journal) throws IOException {
        return Journal.read(journal).finishedStatus() + "\n";
    }

    private static ProductMetadata.Compose compose(Map<String, String> p) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        Map<String, ImageIdentity> images = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (k.startsWith("variant.")) {
                variants.put(k.substring("variant.".length()), Arrays.asList(v.split(",")));
            } else if (k.startsWith("image.")) {
                images.put(k.substring("image.".length()), ImageIdentity.parse(v));
            }
        });
        String id = p.get("id");
        String date = id.substring(id.lastIndexOf('-') + 1);
        return new ProductMetadata.Compose(Path.of(p.get("compose")), id, date, p.get("name"), p.get("short"),
                p.get("version"), p.get("type"), Boolean.parseBoolean(p.get("final")), p.get("owner"), variants,
                images);
    }
}
