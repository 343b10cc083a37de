package org.relengine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.relengine.model.CloudImage;
import org.relengine.model.ComposePaths;
import org.relengine.model.ConstantValue;
import org.relengine.model.Image;
import org.relengine.model.LiveImage;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.model.Source;
import org.relengine.model.Step;

/** The resolved model for people ({@code relengine show}): release, paths, a repo × arch matrix, steps. */
final class ModelText {

    private ModelText() {
    }

    static String render(Recipe recipe) {
        StringBuilder out = new StringBuilder();
        Release release = recipe.release();
        ComposePaths paths = ComposePaths.of(recipe);
        out.append(release.name()).append(' ').append(release.version());
        List<String> qualifiers = new ArrayList<>();
        if (release.rc() != null) {
            qualifiers.add(release.rc() + (release.isFinal() ? ", final" : ""));
        }
        qualifiers.add(release.channel().word());
        out.append(" (").append(String.join(", ", qualifiers)).append(')');
        if (!release.code().isEmpty()) {
            out.append(" — ").append(release.code());
        }
        out.append('\n');
        row(out, "recipe", String.join(" ← ", recipe.files()));
        row(out, "profile", release.profile());
        if (recipe.composesSig()) {
            row(out, "sig", recipe.sig().name() + " (mirror/pub/sig/" + paths.treeRoot() + ")");
        }
        row(out, "compose dir", paths.composeDir(ComposePaths.DATE_PLACEHOLDER));
        row(out, "latest link", paths.latestLink());
        row(out, "staging", paths.stagingDir());
        row(out, "production", recipe.step(Step.Production.class).isEmpty()
                ? "none (the recipe does not publish to production)" : recipe.promotes() ? paths.productionDir()
                : paths.productionDir() + " (for the release: " + release.revisionLevel() + " is not promoted)");
        String multilib = recipe.multilib().entrySet().stream()
                .map(e -> e.getKey() + " → " + String.join(", ", e.getValue())).collect(Collectors.joining("; "));
        row(out, "arches", String.join(" ", recipe.arches()) + (multilib.isEmpty() ? "" : "  (multilib: " + multilib + ")"));
        for (Source source : recipe.sources()) {
            row(out, "source " + source.kind().word(), source.binaryUrl("<repo>", release.major(), "<arch>"));
        }
        if (recipe.gpg().check()) {
            row(out, "gpg keys", String.join(" ", recipe.gpg().keys()));
        }
        constants(recipe, out);
        out.append('\n');
        repos(recipe, out);
        out.append('\n');
        images(recipe, out);
        out.append('\n');
        steps("compose", recipe.compose(), out);
        steps("publish", recipe.publish(), out);
        return out.toString();
    }

    /** Each constant with the value its uses got; one defined in an included file says where. */
    private static void constants(Recipe recipe, StringBuilder out) {
        int width = recipe.constants().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        String label = "constants";
        for (ConstantValue constant : recipe.constants()) {
            String where = constant.at().file().equals(recipe.files().get(0)) ? ""
                    : "  (" + constant.at().file() + ":" + constant.at().line() + ")";
            row(out, label, String.format("%-" + width + "s = %s%s", constant.name(), constant.written(), where));
            label = "";
        }
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("  %-14s %s%n", label, value));
    }

    private static void repos(Recipe recipe, StringBuilder out) {
        int nameWidth = Math.max(6, recipe.repos().stream().mapToInt(r -> label(r).length()).max().orElse(6));
        out.append(String.format("  %-" + nameWidth + "s", "repos"));
        for (String arch : recipe.arches()) {
            out.append("  ").append(arch);
        }
        out.append("  closure\n");
        for (Repo repo : recipe.repos()) {
            out.append(String.format("  %-" + nameWidth + "s", label(repo)));
            List<String> sync = recipe.syncArches(repo);
            for (String arch : recipe.arches()) {
                String mark = repo.existsOn(arch) ? "✓" : "·";
                List<String> extra = recipe.multilib().getOrDefault(arch, List.of()).stream()
                        .filter(sync::contains).toList();
                if (repo.existsOn(arch) && !extra.isEmpty()) {
                    mark += "+" + String.join("+", extra);
                }
                out.append("  ").append(String.format("%-" + arch.length() + "s", mark));
            }
            out.append("  ").append(closure(repo)).append('\n');
        }
    }

    private static String label(Repo repo) {
        return repo.from().equals(repo.name()) ? repo.name() : repo.name() + " (from " + repo.from() + ")";
    }

    private static String closure(Repo repo) {
        if (!repo.closureChecked()) {
            return "-";
        }
        List<String> against = new ArrayList<>();
        against.add("itself");
        against.addAll(repo.closure());
        return String.join(", ", against);
    }

    private static void images(Recipe recipe, StringBuilder out) {
        out.append("  images\n");
        if (recipe.lorax() != null) {
            out.append("    boot (lorax)     from ").append(String.join(", ", recipe.lorax().repos()))
                    .append(", variant ").append(recipe.lorax().variant()).append('\n');
        }
        for (Image image : recipe.images()) {
            String kind = image.disc() ? "disc" : "tree";
            String state = image.skip() ? "skipped" : "built";
            out.append(String.format("    %-16s %s, %s, repos %s%s%n", image.name(), kind, state,
                    String.join(", ", image.repos()), image.graft() ? ", packages grafted" : ""));
        }
        for (CloudImage cloud : recipe.cloudImages()) {
            out.append(String.format("    %-16s cloud .%s %s on %s%n", cloud.type(), cloud.format(),
                    cloud.variants().isEmpty() ? "" : String.join("/", cloud.variants()),
                    String.join(" ", cloud.arches())));
        }
        for (LiveImage live : recipe.liveImages()) {
            out.append(String.format("    %-16s live %s on %s%n", live.name(), live.kickstart(),
                    String.join(" ", live.arches())));
        }
    }

    private static void steps(String block, List<Step> steps, StringBuilder out) {
        out.append("  ").append(block).append('\n');
        for (Step step : steps) {
            out.append("    ").append(StepText.describe(step)).append('\n');
        }
    }
}
