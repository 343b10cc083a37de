package org.relengine.formats;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * productmd 1.2 metadata of a compose ({@code composeinfo.json}, {@code images.json}, {@code rpms.json}):
 * keys sorted, 4-space indent, paths relative to {@code compose/}, read from what the compose holds.
 */
public final class ProductMetadata {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * What the metadata describes. {@code variants}: repo name → its arches; {@code images}: the images the
     * plan makes, as {@code <dir>/<arch>/<prefix>*<suffix>} relative to {@code compose/} → what tells each
     * apart.
     */
    public record Compose(Path compose, String id, String date, String name, String shortName, String version,
                          String releaseType, boolean isFinal, String imagesOwner, Map<String, List<String>> variants,
                          Map<String, ImageIdentity> images) {
    }

    /** productmd reads a compose id's respin from what follows its date (get_date_type_respin in composeinfo.py). */
    private static final Pattern RESPIN = Pattern.compile("\\d{8}(?:\\.[a-z]+)?\\.(\\d+)$");

    private ProductMetadata() {
    }

    private static String write(Object value) throws IOException {
        // productmd's own layout: "key": value, 4-space indent
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        return JSON.writer(printer).writeValueAsString(value) + "\n";
    }

    private static Map<String, Object> header(String type) {
        return new TreeMap<>(Map.of("type", "productmd." + type, "version", "1.2"));
    }

    private static Map<String, Object> compose(Compose c) {
        Map<String, Object> compose = new TreeMap<>();
        compose.put("id", c.id());
        compose.put("date", c.date().length() >= 8 ? c.date().substring(0, 8) : c.date());
        Matcher respin = RESPIN.matcher(c.id());
        compose.put("respin", respin.find() ? Integer.parseInt(respin.group(1)) : 0);
        compose.put("type", "production");
        compose.put("final", c.isFinal());
        return compose;
    }

    public static String composeinfo(Compose c) throws IOException {
        Map<String, Object> release = new TreeMap<>();
        release.put("name", c.name());
        release.put("short", c.shortName());
        release.put("version", c.version());
        release.put("type", c.releaseType());
        release.put("is_layered", false);
        release.put("internal", false);
        Map<String, Object> variants = new TreeMap<>();
        c.variants().forEach((uid, arches) -> {
            Map<String, Map<String, String>> paths = new TreeMap<>();
            for (String arch : arches) {
                path(c, paths, "os_tree", arch, uid + "/" + arch + "/os");
                path(c, paths, "repository", arch, uid + "/" + arch + "/os");
                path(c, paths, "packages", arch, uid + "/" + arch + "/os/Packages");
                path(c, paths, "debug_tree", arch, uid + "/" + arch + "/debug/tree");
                path(c, paths, "debug_repository", arch, uid + "/" + arch + "/debug/tree");
                path(c, paths, "debug_packages", arch, uid + "/" + arch + "/debug/tree/Packages");
                path(c, paths, "source_tree", arch, uid + "/source/tree");
                path(c, paths, "source_repository", arch, uid + "/source/tree");
                path(c, paths, "source_packages", arch, uid + "/source/tree/Packages");
                if (uid.equals(c.imagesOwner())) {
                    path(c, paths, "isos", arch, "isos/" + arch);
                    path(c, paths, "images", arch, "images/" + arch);
                }
            }
            Map<String, Object> variant = new TreeMap<>();
            variant.put("id", uid);
            variant.put("uid", uid);
            variant.put("name", uid);
            variant.put("type", "variant");
            variant.put("arches", arches.stream().sorted().toList());
            variant.put("paths", paths);
            variants.put(uid, variant);
        });
        Map<String, Object> payload = new TreeMap<>();
        payload.put("compose", compose(c));
        payload.put("release", release);
        payload.put("variants", variants);
        return write(Map.of("header", header("composeinfo"), "payload", payload));
    }

    /** Paths of directories that do not exist are omitted, as productmd does. */
    private static void path(Compose c, Map<String, Map<String, String>> paths, String category, String arch,
                             String relative) {
        if (Files.isDirectory(c.compose().resolve(relative))) {
            paths.computeIfAbsent(category, k -> new TreeMap<>()).put(arch, relative);
        }
    }

    /**
     * Every image the plan made and the compose holds, under the variant that owns {@code isos/} and
     * {@code images/}, sorted by path in each arch as productmd writes them. An image that is missing (a
     * failable task that failed) is left out; two files for one image are refused, since productmd refuses
     * two images with the same identity.
     */
    public static String images(Compose c) throws IOException {
        Map<String, List<Map<String, Object>>> byArch = new TreeMap<>();
        for (Map.Entry<String, ImageIdentity> listed : c.images().entrySet()) {
            String glob = listed.getKey();
            String arch = glob.split("/")[1];
            List<Path> files = matching(c.compose(), glob);
            if (files.size() > 1) {
                throw new IOException("images.json: " + files.size() + " files match " + glob + " ("
                        + files.stream().map(f -> f.getFileName().toString()).toList() + "); productmd refuses two "
                        + "images that share " + listed.getValue().param() + " on " + arch);
            }
            for (Path file : files) {
                byArch.computeIfAbsent(arch, k -> new ArrayList<>()).add(image(c, file, arch, listed.getValue()));
            }
        }
        byArch.values().forEach(list -> list.sort(Comparator.comparing(i -> (String) i.get("path"))));
        Map<String, Object> payload = new TreeMap<>();
        payload.put("compose", compose(c));
        payload.put("images", byArch.isEmpty() ? Map.of() : Map.of(c.imagesOwner(), byArch));
        return write(Map.of("header", header("images"), "payload", payload));
    }

    /** The real files, never the alias links, that match {@code <dir>/<prefix>*<suffix>}. */
    private static List<Path> matching(Path compose, String glob) throws IOException {
        Path dir = compose.resolve(glob.substring(0, glob.lastIndexOf('/')));
        String name = glob.substring(glob.lastIndexOf('/') + 1);
        int star = name.indexOf('*');
        String prefix = star < 0 ? name : name.substring(0, star);
        String suffix = star < 0 ? "" : name.substring(star + 1);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> {
                        String file = f.getFileName().toString();
                        return star < 0 ? file.equals(name) : file.length() >= prefix.length() + suffix.length()
                                && file.startsWith(prefix) && file.endsWith(suffix);
                    }).sorted().toList();
        }
    }

    /** One entry, as Pungi's image phases fill it: what ISO 9660 says of a disc, nothing of other images. */
    private static Map<String, Object> image(Compose c, Path file, String arch, ImageIdentity identity)
            throws IOException {
        boolean iso = identity.format().equals("iso");
        Map<String, Object> image = new TreeMap<>();
        image.put("arch", arch);
        image.put("bootable", iso && IsoVolume.bootable(file));
        image.put("checksums", Map.of("sha256", Checksums.sha256Once(file)));
        image.put("disc_count", 1);
        image.put("disc_number", 1);
        image.put("format", identity.format());
        image.put("implant_md5", iso ? IsoVolume.implantedMd5(file) : null);
        image.put("mtime", Files.getLastModifiedTime(file).toMillis() / 1000);
        image.put("path", c.compose().relativize(file).toString());
        image.put("size", Files.size(file));
        image.put("subvariant", identity.subvariant());
        image.put("type", identity.type());
        image.put("volume_id", iso ? IsoVolume.volumeId(file) : null);
        if (identity.unified()) {
            // productmd writes both only for a unified disc
            image.put("unified", true);
            image.put("additional_variants", identity.additionalVariants());
        }
        return image;
    }

    public static String rpms(Compose c) throws IOException {
        Map<String, Object> rpms = new TreeMap<>();
        for (Map.Entry<String, List<String>> variant : c.variants().entrySet()) {
            String uid = variant.getKey();
            Map<String, Object> arches = new TreeMap<>();
            for (String arch : variant.getValue()) {
                Map<String, Map<String, Object>> bySource = new TreeMap<>();
                collect(c, uid + "/" + arch + "/os", "binary", bySource);
                collect(c, uid + "/" + arch + "/debug/tree", "debug", bySource);
                collect(c, uid + "/source/tree", "source", bySource);
                if (!bySource.isEmpty()) {
                    arches.put(arch, bySource);
                }
            }
            if (!arches.isEmpty()) {
                rpms.put(uid, arches);
            }
        }
        Map<String, Object> payload = new TreeMap<>();
        payload.put("compose", compose(c));
        payload.put("rpms", rpms);
        return write(Map.of("header", header("rpms"), "payload", payload));
    }

    /** Reads a tree's primary metadata: each package under the NEVRA of its source package. */
    private static void collect(Compose c, String tree, String category, Map<String, Map<String, Object>> into)
            throws IOException {
        Path dir = c.compose().resolve(tree);
        Path repomd = dir.resolve("repodata/repomd.xml");
        if (!Files.isRegularFile(repomd)) {
            return;
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document index = factory.newDocumentBuilder().parse(repomd.toFile());
            NodeList data = index.getElementsByTagName("data");
            for (int i = 0; i < data.getLength(); i++) {
                Element element = (Element) data.item(i);
                if (!element.getAttribute("type").equals("primary")) {
                    continue;
                }
                String href = ((Element) element.getElementsByTagName("location").item(0)).getAttribute("href");
                Path primary = dir.resolve(href);
                try (InputStream in = href.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(primary))
                        : Files.newInputStream(primary)) {
                    Document doc = factory.newDocumentBuilder().parse(in);
                    NodeList packages = doc.getElementsByTagName("package");
                    for (int p = 0; p < packages.getLength(); p++) {
                        Element pkg = (Element) packages.item(p);
                        String name = text(pkg, "name");
                        String arch = text(pkg, "arch");
                        Element v = (Element) pkg.getElementsByTagName("version").item(0);
                        String epoch = v.getAttribute("epoch").isEmpty() ? "0" : v.getAttribute("epoch");
                        String nevra = name + "-" + epoch + ":" + v.getAttribute("ver") + "-" + v.getAttribute("rel")
                                + "." + arch;
                        String location = ((Element) pkg.getElementsByTagName("location").item(0)).getAttribute("href");
                        String source = text(pkg, "rpm:sourcerpm");
                        String srpm = arch.equals("src") || source.isEmpty() ? nevra : sourceNevra(source, epoch);
                        Map<String, Object> entry = new TreeMap<>();
                        entry.put("category", category);
                        entry.put("path", tree + "/" + location);
                        entry.put("sigkey", null);
                        into.computeIfAbsent(srpm, k -> new TreeMap<>()).put(nevra, entry);
                    }
                }
            }
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot read the repodata of " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    /** {@code bash-5.1.8-9.el9.src.rpm} → {@code bash-0:5.1.8-9.el9.src}. */
    static String sourceNevra(String file, String epoch) {
        String base = file.endsWith(".src.rpm") ? file.substring(0, file.length() - ".src.rpm".length()) : file;
        int release = base.lastIndexOf('-');
        int version = base.lastIndexOf('-', release - 1);
        if (release < 0 || version < 0) {
            return base + ".src";
        }
        return base.substring(0, version) + "-" + epoch + ":" + base.substring(version + 1) + ".src";
    }
}
