package org.relengine.steps;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.relengine.exec.TaskFailure;

/** The read-only operations of tasks, by name: the only work a dry run performs, since none changes anything. */
public final class Probes {

    private Probes() {
    }

    /** The programs a probe runs, for the set of programs a plan needs. */
    public static List<String> programs(String operation) {
        return operation.equals("preview-publish") ? List.of("rsync") : List.of();
    }

    public static PublishPreview run(String task, String operation, Map<String, String> p) throws IOException {
        if (operation.equals("preview-publish")) {
            return PublishPreview.of(task, Rsync.Sync.of(p));
        }
        throw new TaskFailure("`" + operation + "` is not available in this version of relengine");
    }
}
