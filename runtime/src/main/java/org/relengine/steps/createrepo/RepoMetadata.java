package org.relengine.steps.createrepo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.relengine.plan.spi.TaskFailure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The comps (group) file and module metadata of a repo, as its {@code repomd.xml} names them: what Peridot
 * serves and {@code dnf reposync --download-metadata} keeps in the compose. {@code createrepo_c --update}
 * drops both, so the update path takes them from the compose and hands them back to createrepo_c and
 * modifyrepo_c.
 */
public final class RepoMetadata {

    /** The repomd.xml types of each kind, plain first: the plain one needs no decompression. */
    static final List<String> GROUP = List.of("group", "group_gz", "group_xz", "group_zck");
    static final List<String> MODULES = List.of("modules");

    private RepoMetadata() {
    }

    /**
     * {@code comps}, the comps file the update path hands to createrepo_c: kept where the compose has it (Pungi's
     * work/&lt;arch&gt;/comps), else taken from the repodata of the compose's {@code tree}.
     */
    public static void comps(Map<String, String> p, PrintWriter log) throws IOException {
        Path comps = Path.of(p.get("comps"));
        if (Files.isRegularFile(comps)) {
            log.println("the compose has its comps file " + comps + ": used as it is");
            return;
        }
        Path tree = Path.of(p.get("tree"));
        Path repomd = repomd(tree);
        copy(tree, hrefs(repomd), GROUP, comps, repomd, "comps (group) file", "comps: false", log);
    }

    /**
     * {@code modules}, the module metadata the update path hands to modifyrepo_c: a copy of {@code metadata}
     * (rocky-module-metadata's) where it exists, else taken from the repodata of the compose's {@code tree}.
     */
    public static void modules(Map<String, String> p, PrintWriter log) throws IOException {
        Path modules = Path.of(p.get("modules"));
        Path metadata = Path.of(p.get("metadata"));
        if (Files.isRegularFile(metadata)) {
            Files.createDirectories(modules.toAbsolutePath().getParent());
            org.relengine.formats.AtomicFiles.write(modules, Files.readString(metadata));
            log.println("took the module metadata " + metadata + " as " + modules);
            return;
        }
        Path tree = Path.of(p.get("tree"));
        Path repomd = repomd(tree);
        copy(tree, hrefs(repomd), MODULES, modules, repomd, "module metadata", "modules: false", log);
    }

    private static Path repomd(Path tree) {
        Path repomd = tree.resolve("repodata/repomd.xml");
        if (!Files.isRegularFile(repomd)) {
            throw new TaskFailure("there is no " + repomd + " to take comps and module metadata from");
        }
        return repomd;
    }

    private static void copy(Path tree, Map<String, String> hrefs, List<String> types, Path into, Path repomd,
                             String what, String otherwise, PrintWriter log) throws IOException {
        Optional<String> type = types.stream().filter(hrefs::containsKey).findFirst();
        if (type.isEmpty()) {
            throw new TaskFailure(repomd + " names no " + what + ", which the recipe says the repo has; sync it "
                    + "from a source that serves one, or declare the repo with " + otherwise);
        }
        Path file = tree.resolve(hrefs.get(type.get()));
        Files.createDirectories(into.toAbsolutePath().getParent());
        Path partial = into.resolveSibling("." + into.getFileName() + ".part");
        try (InputStream in = decompressed(file)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, into, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.println("took the " + what + " " + tree.relativize(file) + " (" + type.get() + ") as " + into);
    }

    private static InputStream decompressed(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new TaskFailure(file + " is named by its repomd.xml but is not there");
        }
        InputStream in = Files.newInputStream(file);
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(in);
        } else if (name.endsWith(".xz")) {
            return new XZCompressorInputStream(in);
        } else if (name.endsWith(".bz2")) {
            return new BZip2CompressorInputStream(in);
        } else if (name.endsWith(".zst") || name.endsWith(".zck")) {
            in.close();
            throw new TaskFailure(file + " is compressed with zstd/zchunk, which relengine cannot read yet; "
                    + "the repo's repomd.xml should also name an uncompressed, gzip or xz copy");
        }
        return in;
    }

    /** {@code <data type="…"><location href="…"/>} of a repomd.xml, by type. */
    static Map<String, String> hrefs(Path repomd) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            Document doc = factory.newDocumentBuilder().parse(repomd.toFile());
            Map<String, String> hrefs = new LinkedHashMap<>();
            NodeList data = doc.getElementsByTagName("data");
            for (int i = 0; i < data.getLength(); i++) {
                Element element = (Element) data.item(i);
                NodeList location = element.getElementsByTagName("location");
                if (location.getLength() > 0) {
                    hrefs.put(element.getAttribute("type"), ((Element) location.item(0)).getAttribute("href"));
                }
            }
            return hrefs;
        } catch (ParserConfigurationException | SAXException e) {
            throw new TaskFailure("cannot read " + repomd + ": " + e.getMessage(), e);
        }
    }
}
