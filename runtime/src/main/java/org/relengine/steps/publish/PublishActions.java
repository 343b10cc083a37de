package org.relengine.steps.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.plan.Action;
import org.relengine.plan.OperationKey;
import org.relengine.plan.spi.Params;

/** What every publish step does around its syncs, as actions: the code behind them is {@link Publishing}. */
public final class PublishActions {

    /**
     * What the publish guard checks of every tree it publishes; a link that would not work on a mirror is
     * refused rather than left out (see PublishGuard).
     */
    public static final String PUBLISHABLE = "repodata/repomd.xml in every repo × arch, every link relative and "
            + "inside the tree";

    static final OperationKey CHECK_PUBLISHABLE = new OperationKey("check-publishable");
    static final OperationKey MAKE_PUBLISHED_DIRECTORY = new OperationKey("make-published-directory");
    static final OperationKey SET_PUBLISHED_MODES = new OperationKey("set-published-modes");
    static final OperationKey DROP_EMPTY_OPEN_SIZE = new OperationKey("drop-empty-open-size");
    static final OperationKey PREVIEW_PUBLISH = new OperationKey("preview-publish");

    private PublishActions() {
    }

    /** What a sync would change, from rsync's read-only dry run; dry runs perform it too. */
    public static Action.Probe preview(Rsync.Sync sync) {
        return new Action.Probe(PREVIEW_PUBLISH, "preview what syncing " + sync.from() + " into " + sync.to()
                + " would change, as the trees are now (rsync --dry-run --itemize-changes, read-only)", sync.params());
    }

    /**
     * The publishing guard, before a sync changes a target.
     *
     * @param status the compose's STATUS file when the tree is (part of) a compose, which must then be FINISHED;
     *               else null
     */
    public static Action check(String tree, String description, Rsync.Sync sync, String status,
                               int allowDeletions) {
        Map<String, String> p = new LinkedHashMap<>(sync.params());
        p.put("threshold", String.valueOf(allowDeletions));
        p.put("status", status != null ? "required" : "");
        if (status != null) {
            p.put("statusFile", status);
        }
        return new Action.Internal(CHECK_PUBLISHABLE, description, List.of(tree), p);
    }

    /**
     * A publish target and the directories on the way to it, each made 0755: what mirrors and web servers read
     * must not be writable by everyone because of the umask of whoever ran relengine. rsync gives the target
     * itself and everything in it its modes ({@link org.relengine.formats.FileModes#RSYNC_CHMOD}).
     */
    public static Action publishedDirectory(String path) {
        return new Action.Internal(MAKE_PUBLISHED_DIRECTORY, "mkdir -p " + path + ", each directory it makes "
                + "0755 whatever the umask", List.of(path), Params.of("path", path));
    }

    /**
     * What a tool wrote straight into staging, given the modes rsync gives the rest of it: directories 0755,
     * files 0644. The tool writes as the umask says.
     */
    public static Action publishedModes(String path, String tool) {
        return new Action.Internal(SET_PUBLISHED_MODES, "make " + path + " 0644, or 0755 for directories, with "
                + "everything in it (" + tool + " wrote it as the umask says)", List.of(path), Params.of("path", path));
    }

    /** Metadata rewritten in place, which a hardlink would tie to its other copies: repodata's XML. */
    public static final List<String> XML = List.of(".*\\.xml.*");
    /** The same, and the install trees' {@code .treeinfo} and {@code .discinfo}: what perform_hardlink leaves apart. */
    public static final List<String> TREE_METADATA = List.of(".*\\.xml.*", ".*\\.treeinfo", ".*\\.discinfo");

    /** The toolkit's perform_hardlink: identical files under {@code dir} made one, {@link #TREE_METADATA} apart. */
    public static Action hardlink(String dir) {
        return hardlink(dir, TREE_METADATA);
    }

    /** Identical files under {@code dir} made one, but those matching the {@code hardlink -x} patterns given. */
    public static Action hardlink(String dir, List<String> excluded) {
        List<String> argv = new java.util.ArrayList<>(List.of("hardlink"));
        excluded.forEach(pattern -> argv.addAll(List.of("-x", pattern)));
        argv.add(dir);
        return new Action.Exec(argv);
    }

    /** {@link EmptyOpenSize}, after every createrepo_c and modifyrepo_c run on a published tree. */
    public static Action dropEmptyOpenSize(String repomd) {
        return new Action.Internal(DROP_EMPTY_OPEN_SIZE, "remove the empty <open-size></open-size> lines from "
                + repomd + ", as the toolkit's fix_metadata does", List.of(repomd), Params.of("repomd", repomd));
    }
}
