package org.relengine.steps.files;

import java.util.List;
import org.relengine.plan.Action;
import org.relengine.plan.OperationKey;
import org.relengine.plan.spi.Params;

/** The file work many steps share, as actions: the operations behind them are {@link FileOperations}. */
public final class FileActions {

    static final OperationKey RENAME_FILE = new OperationKey("rename-file");
    static final OperationKey REMOVE_FILE = new OperationKey("remove-file");
    static final OperationKey REMOVE_TREE = new OperationKey("remove-tree");
    static final OperationKey EMPTY_DIRECTORY = new OperationKey("empty-directory");
    static final OperationKey COPY_FILE = new OperationKey("copy-file");
    static final OperationKey WRITE_PRIVATE_FILE = new OperationKey("write-private-file");

    private FileActions() {
    }

    /**
     * A tool's output is written under this name and renamed into place when complete, so that a crash
     * never leaves a half-written file under the name the rest of the compose (and its mirrors) trust.
     */
    public static String partial(String path) {
        return path + ".partial";
    }

    public static Action moveIntoPlace(String partial, String path) {
        return new Action.Internal(RENAME_FILE, "move " + partial + " into place as " + path, List.of(path),
                Params.of("from", partial, "to", path));
    }

    /** @param description the whole line a plan shows, saying why the file goes */
    public static Action remove(String path, String description) {
        return new Action.Internal(REMOVE_FILE, description, List.of(path), Params.of("path", path));
    }

    /**
     * A directory and everything in it removed ({@code rm -rf path}), links removed, never followed; nothing when it
     * does not exist.
     *
     * @param description the whole line a plan shows, saying why the tree goes
     */
    public static Action removeTree(String path, String description) {
        return new Action.Internal(REMOVE_TREE, description, List.of(path), Params.of("path", path));
    }

    /**
     * Every file directly in {@code path} removed ({@code rm path/*}); nothing when it does not exist yet.
     *
     * @param description the whole line a plan shows, saying why the files go
     */
    public static Action empty(String path, String description) {
        return new Action.Internal(EMPTY_DIRECTORY, description, List.of(path), Params.of("path", path));
    }

    /** A copy with the original's time and permissions ({@code cp -p}), written beside and renamed into place. */
    public static Action copy(String from, String to, String description) {
        return new Action.Internal(COPY_FILE, description, List.of(to), Params.of("from", from, "to", to));
    }

    /** @param description the whole line a plan shows: what the file is and why only its owner may read it */
    public static Action writePrivate(String path, String content, String description) {
        return new Action.Internal(WRITE_PRIVATE_FILE, description, List.of(path),
                Params.of("path", path, "content", content));
    }

    /** Moves the entries of {@code from} into {@code to}, when {@code from} exists. */
    public static Action moveDirectory(String from, String to) {
        return new Action.Internal(Action.Internal.MOVE_DIRECTORY, "move " + from + " into " + to
                + " (when it exists)", List.of(to), Params.of("from", from, "to", to));
    }
}
