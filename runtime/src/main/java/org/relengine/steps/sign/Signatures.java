package org.relengine.steps.sign;

import java.util.List;
import org.relengine.plan.Action;
import org.relengine.steps.files.FileActions;
import org.relengine.steps.publish.PublishActions;

/** A detached, armored signature of a published file, written beside it and renamed into place complete. */
public final class Signatures {

    private Signatures() {
    }

    /** The actions that sign {@code file} with {@code key} into {@code file.asc}, 0644 whatever the umask. */
    public static List<Action> detached(String file, String key) {
        return detached(file, key, null);
    }

    /** @param homedir the GnuPG home that holds the key; null: gpg's own */
    public static List<Action> detached(String file, String key, String homedir) {
        String signature = file + ".asc";
        String partial = FileActions.partial(signature);
        List<String> argv = new java.util.ArrayList<>(List.of("gpg"));
        if (homedir != null) {
            argv.addAll(List.of("--homedir", homedir));
        }
        argv.addAll(List.of("--batch", "--yes", "--detach-sign", "--armor", "--local-user", key, "--output", partial,
                file));
        return List.of(
                new Action.Exec(argv),
                PublishActions.publishedModes(partial, "gpg"),
                FileActions.moveIntoPlace(partial, signature));
    }
}
