package org.relengine.steps.minorrelease;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.relengine.formats.AtomicFiles;
import org.relengine.formats.IniSections;
import org.relengine.model.Step;
import org.relengine.plan.spi.TaskFailure;

/**
 * The toolkit's treeinfoModder and treeinfoModderKickstart: the install tree's {@code .treeinfo} (Pungi writes it with
 * its own variant only) names the other variants the installer needs, {@code AppStream}, with the relative paths of
 * their trees of the same kind; then the result is kept as {@code .treeinfo-pristine} (treeinfoSaver). A tree that
 * already names a variant keeps it, except that a kickstart tree's entry is pointed at the kickstart trees.
 */
final class TreeInfoVariants {

    private TreeInfoVariants() {
    }

    static void apply(Map<String, String> p, PrintWriter log) throws IOException {
        Path tree = Path.of(p.get("tree"));
        Path treeinfo = tree.resolve(".treeinfo");
        if (!Files.isRegularFile(treeinfo)) {
            throw new TaskFailure(treeinfo + " does not exist: the compose's install tree has no .treeinfo for the "
                    + "installer to read");
        }
        String before = Files.readString(treeinfo, StandardCharsets.UTF_8);
        IniSections ini;
        try {
            ini = IniSections.parse(before);
        } catch (IllegalArgumentException e) {
            throw new TaskFailure(treeinfo + " is not an INI file: " + e.getMessage());
        }
        String after = modified(ini, p.get("arch"), p.get("kind"), Arrays.asList(p.get("variants").split(",")), treeinfo);
        if (after != null && !after.equals(before)) {
            AtomicFiles.write(treeinfo, after);
            log.println(treeinfo + ": names " + p.get("variants"));
        } else {
            log.println(treeinfo + ": unchanged");
        }
        Files.copy(treeinfo, tree.resolve(Step.MinorRelease.PRISTINE_TREEINFO), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The new text, or null when the file stays as it is (an os tree that names every variant already). */
    static String modified(IniSections ini, String arch, String kind, List<String> variants, Path file) {
        if (!ini.has("tree")) {
            throw new TaskFailure(file + " has no [tree] section: it is not a productmd .treeinfo");
        }
        boolean changed = false;
        for (String variant : variants) {
            String section = "variant-" + variant;
            String base = "../../../" + variant + "/" + arch + "/" + kind;
            if (!ini.has(section)) {
                List<String> named = new ArrayList<>();
                String listed = ini.get("tree", "variants");
                if (listed != null && !listed.isBlank()) {
                    named.addAll(Arrays.asList(listed.split(",")));
                }
                named.add(variant);
                ini.set("tree", "variants", String.join(",", named));
                ini.addSection(section);
                ini.set(section, "id", variant);
                ini.set(section, "name", variant);
                ini.set(section, "type", "variant");
                ini.set(section, "uid", variant);
                ini.set(section, "packages", base + "/Packages");
                ini.set(section, "repository", base + "/");
                changed = true;
            } else if (kind.equals("kickstart")) {
                ini.set(section, "packages", base + "/Packages");
                ini.set(section, "repository", base + "/");
                changed = true;
            }
        }
        return changed ? ini.text() : null;
    }
}
