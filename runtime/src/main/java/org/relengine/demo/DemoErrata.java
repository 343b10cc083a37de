package org.relengine.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.relengine.model.Recipe;
import org.relengine.model.Repo;
import org.relengine.model.Step;

/**
 * The demo's errata service: one advisory per repo the recipe's {@code updateinfo} step names, for the repo's
 * first demo package on each of its arches, served where Apollo's updateinfo API has it
 * ({@code /api/v3/updateinfo/<product>/<major>/<repo>/updateinfo.xml}). The demo server answers every arch with
 * the same file: a package of another arch in it is one dnf ignores.
 */
public final class DemoErrata {

    /** Where the demo serves it, under the server's root. */
    public static final String API = "api/v3/updateinfo";

    private DemoErrata() {
    }

    /** Written only where it changed, so that a second demo republishes the same file with the same time. */
    public static void write(Recipe recipe, Path server) throws IOException {
        var step = recipe.step(Step.Updateinfo.class);
        if (step.isEmpty()) {
            return;
        }
        int major = recipe.release().major();
        for (Repo repo : recipe.repos()) {
            if (!step.get().covers(repo.name())) {
                continue;
            }
            Path file = server.resolve(API + "/" + step.get().product() + "/" + major + "/" + repo.name()
                    + "/updateinfo.xml");
            String xml = advisory(recipe, repo);
            if (Files.isRegularFile(file) && Files.readString(file).equals(xml)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        }
    }

    static String advisory(Recipe recipe, Repo repo) {
        int major = recipe.release().major();
        String name = "demo-" + repo.name().toLowerCase(Locale.ROOT);
        String release = "1.el" + major;
        int number = recipe.repos().indexOf(repo) + 1;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<updates>\n")
                .append("  <update from=\"releng@rockylinux.org\" status=\"final\" type=\"bugfix\" version=\"2\">\n")
                .append("    <id>RLBA-2025:").append(String.format("%04d", number)).append("</id>\n")
                .append("    <title>").append(name).append(" bug fix update (demo)</title>\n")
                .append("    <issued date=\"2025-11-11 00:00:00\"/>\n")
                .append("    <updated date=\"2025-11-11 00:00:00\"/>\n")
                .append("    <rights>Copyright 2025 the relengine demo</rights>\n")
                .append("    <release>").append(recipe.release().name()).append(' ').append(major).append("</release>\n")
                .append("    <pushcount>1</pushcount>\n    <severity>None</severity>\n")
                .append("    <summary>A synthetic advisory of the relengine demo</summary>\n")
                .append("    <description>The demo's errata service publishes one advisory per repo.</description>\n")
                .append("    <solution/>\n    <references/>\n    <pkglist>\n")
                .append("      <collection short=\"").append(repo.name().toLowerCase(Locale.ROOT)).append("\">\n")
                .append("        <name>").append(repo.name()).append("</name>\n");
        for (String arch : recipe.syncArches(repo)) {
            xml.append("        <package name=\"").append(name).append("\" version=\"1.0\" release=\"").append(release)
                    .append("\" epoch=\"0\" arch=\"").append(arch).append("\" src=\"").append(name).append("-1.0-")
                    .append(release).append(".src.rpm\">\n          <filename>").append(name).append("-1.0-")
                    .append(release).append('.').append(arch).append(".rpm</filename>\n        </package>\n");
        }
        return xml.append("      </collection>\n    </pkglist>\n  </update>\n</updates>\n").toString();
    }
}
