package org.relengine.steps.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.relengine.plan.spi.TaskFailure;

/**
 * What must hold before a sync changes a published tree, checked read-only, each with a refusal that says
 * why and changes nothing: the source compose is FINISHED (delete syncs), every os tree has its
 * {@code repodata/repomd.xml} (and every other tree with packages), every link in it works on a mirror ({@link PublishedLinks}), and a delete-sync
 * would not delete more than its share of the target.
 */
public final class PublishGuard {

    private PublishGuard() {
    }

    public static void check(Map<String, String> p, PrintWriter log) throws IOException {
        Path source = Path.of(p.get("compose"));
        boolean delete = Boolean.parseBoolean(p.get("delete"));
        if (!Files.isDirectory(source)) {
            throw new TaskFailure("there is nothing to publish at " + source);
        }
        if (delete && "required".equals(p.get("status"))) {
            Path status = p.containsKey("statusFile") ? Path.of(p.get("statusFile")) : source.resolveSibling("STATUS");
            String state = Files.exists(status) ? Files.readString(status).strip() : "missing";
            if (!state.equals("FINISHED") && !state.equals("FINISHED_INCOMPLETE")) {
                throw new TaskFailure("refusing a delete-sync from " + source + ": its compose is " + state
                        + ", not FINISHED");
            }
        }
        List<Path> trees;
        // a release's os trees, and every tree with packages: a SIG's <arch>/<repo>, debug and source trees
        try (Stream<Path> walk = Files.walk(source, 3)) {
            trees = walk.filter(d -> Files.isDirectory(d) && (d.getFileName().toString().equals("os")
                    || Files.isDirectory(d.resolve("Packages")))).toList();
        }
        for (Path tree : trees) {
            if (!Files.isRegularFile(tree.resolve("repodata/repomd.xml"))) {
                throw new TaskFailure("refusing to publish " + source + ": " + source.relativize(tree)
                        + " has no repodata/repomd.xml");
            }
        }
        log.println(trees.size() + " trees in " + source + " have their repodata");
        links(source, log);
        Path target = Path.of(p.get("target"));
        if (delete && Files.isDirectory(target)) {
            long files = count(target);
            long deletions = PublishPreview.of("guard", Rsync.Sync.of(p)).deletions();
            int threshold = Integer.parseInt(p.get("threshold"));
            log.println("a delete-sync would delete " + deletions + " of the " + files + " files of " + target);
            if (files > 0 && deletions * 100 > (long) threshold * files) {
                throw new TaskFailure("refusing a delete-sync into " + target + ": it would delete " + deletions
                        + " of its " + files + " files (" + deletions * 100 / files + " %), more than the "
                        + threshold + " % allowed; check the source, or allow it with --allow-deletions N");
            }
        }
    }

    /**
     * A link that would not work on a mirror is refused, not published with rsync's {@code --safe-links}: that
     * option leaves such a link out without failing, and a delete-sync then deletes the link a mirror already
     * has, so a release would silently lose an ISO alias or a tree. Refused, it is fixed before anything changes.
     */
    private static void links(Path source, PrintWriter log) throws IOException {
        PublishedLinks.Judged judged = PublishedLinks.judge(source);
        for (PublishedLinks.Refused link : judged.refused()) {
            log.println("refused link " + link.link() + " -> " + link.target() + ": it " + link.why());
        }
        if (!judged.refused().isEmpty()) {
            PublishedLinks.Refused first = judged.refused().get(0);
            int others = judged.refused().size() - 1;
            throw new TaskFailure("refusing to publish " + source + ": the link " + first.link() + " -> "
                    + first.target() + " " + first.why() + (others == 0 ? "" : " (and " + others + " more link"
                    + (others == 1 ? "" : "s") + " that would not work on a mirror, listed in the log)")
                    + "; make it a relative link to a file inside the tree, or remove it");
        }
        log.println(judged.links() + " links in " + source + " are relative and lead to files inside it");
    }

    /** Files, links and devices, not directories: what a preview counts too. */
    private static long count(Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(target)) {
            return walk.filter(f -> !Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).count();
        }
    }
}
