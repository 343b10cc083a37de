package org.relengine.steps.publish;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relengine.model.Repo;
import org.relengine.model.Step;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.spi.PlanContext;

/**
 * One repo tree of the compose as it lands in a publish target: a repo's {@code os}, {@code debug/tree} or
 * {@code kickstart} on one arch, or its {@code source/tree}. What the publish steps that work tree by tree
 * (createrepo, errata, signatures) go through, so that they agree on which trees there are.
 *
 * @param arch     null for the source tree
 * @param composed the same tree in the compose
 */
public record StagedTree(Repo repo, String arch, Kind kind, String path, String composed) {

    public enum Kind {
        OS("os"), DEBUG("debug"), SOURCE("source"), KICKSTART("kickstart");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static List<String> words() {
            return java.util.Arrays.stream(values()).map(Kind::word).toList();
        }

        public static Kind of(String word) {
            return java.util.Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(word));
        }
    }

    /** The trees whose repodata the update path rebuilds in staging, and {@code sign repomd: true} signs. */
    public static final Set<Kind> REBUILT = java.util.Collections.unmodifiableSet(EnumSet.of(Kind.OS, Kind.DEBUG,
            Kind.SOURCE));

    public String repomd() {
        return path + "/repodata/repomd.xml";
    }

    /**
     * The trees of the kinds asked for under {@code root}, repo by repo in recipe order: a kind the sync leaves out
     * ({@code sync debug: false}) is not there; source trees only when every arch is composed, since the compose's
     * source tree holds every arch's sources.
     */
    public static List<StagedTree> of(PlanContext context, String root, Set<Kind> kinds) {
        var sync = context.recipe().step(Step.Sync.class);
        // a compose made elsewhere has kickstart trees only where minorRelease makes them, in staging
        var minorRelease = context.recipe().publishesExisting() ? context.recipe().step(Step.MinorRelease.class) : null;
        ComposeLayout layout = context.layout();
        List<StagedTree> trees = new ArrayList<>();
        for (Repo repo : context.repos()) {
            for (String arch : context.selected(context.recipe().syncArches(repo))) {
                String base = root + "/" + repo.name() + "/" + arch;
                if (kinds.contains(Kind.OS)) {
                    trees.add(new StagedTree(repo, arch, Kind.OS, base + "/os", layout.tree(repo.name(), arch)));
                }
                if (kinds.contains(Kind.DEBUG) && repo.debug() && sync.map(Step.Sync::debug).orElse(true)) {
                    trees.add(new StagedTree(repo, arch, Kind.DEBUG, base + "/debug/tree",
                            layout.debugTree(repo.name(), arch)));
                }
                boolean kickstart = minorRelease != null
                        ? minorRelease.map(r -> r.kickstartFor(repo)).orElse(false)
                        : repo.kickstart() && sync.map(Step.Sync::kickstart).orElse(true);
                if (kinds.contains(Kind.KICKSTART) && kickstart && repo.existsOn(arch)) {
                    trees.add(new StagedTree(repo, arch, Kind.KICKSTART, base + "/kickstart",
                            layout.kickstartTree(repo.name(), arch)));
                }
            }
            if (kinds.contains(Kind.SOURCE) && repo.source() && sync.map(Step.Sync::source).orElse(true)
                    && context.options().arches().isEmpty()) {
                trees.add(new StagedTree(repo, null, Kind.SOURCE, root + "/" + repo.name() + "/source/tree",
                        layout.sourceTree(repo.name())));
            }
        }
        return trees;
    }
}
