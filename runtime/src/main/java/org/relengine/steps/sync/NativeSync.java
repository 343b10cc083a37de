package org.relengine.steps.sync;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.relengine.formats.Durations;
import org.relengine.model.Step;
import org.relengine.net.Wait;
import org.relengine.plan.Action;
import org.relengine.plan.OperationKey;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.OperationContext;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.secrets.Redaction;
import org.relengine.steps.dnf.DnfSection;
import org.relengine.yum.SyncOptions;
import org.relengine.yum.TreeResult;
import org.relengine.yum.YumMirror;

/**
 * A tree synced by relengine's own engine, in relengine's process: the repository's URL, credentials and keys are
 * read from its section of the compose's dnf configuration, as dnf would read them.
 */
final class NativeSync {

    static final OperationKey KEY = new OperationKey("native-sync");

    /** At most this many failed packages are named in the task's failure; the log has them all. */
    private static final int FAILURES_NAMED = 5;

    private NativeSync() {
    }

    /**
     * @param connections the engine's downloads at once from each server: named in the action only when it is not the
     *                    default, so that a plan made before the option existed is the same plan
     */
    static Action action(String config, String repoId, String url, String tree, String state, boolean delete,
                         boolean gpgcheck, int connections) {
        boolean other = connections != Step.Sync.CONNECTIONS;
        String description = "sync " + Redaction.text(url) + " into " + tree + " with relengine's sync engine"
                + (other ? ", " + connections + " downloads at once" : "")
                + (delete ? ", deleting packages it no longer names" : "")
                + (gpgcheck ? ", checking signatures with rpmkeys" : "");
        Map<String, String> params = Params.of("config", config, "repo", repoId, "tree", tree, "state", state,
                "delete", String.valueOf(delete), "signatures", String.valueOf(gpgcheck));
        if (other) {
            params.put("connections", String.valueOf(connections));
        }
        return new Action.Internal(KEY, description, List.of(tree), params);
    }

    /** The operation, with the program it runs when it checks signatures. */
    static final Operation OPERATION = new Operation() {
        @Override
        public void run(Map<String, String> params, PrintWriter log, OperationContext context) throws IOException {
            NativeSync.run(params, log, context);
        }

        @Override
        public boolean pooled() {
            return true;
        }

        @Override
        public List<String> programs(Map<String, String> params) {
            return Boolean.parseBoolean(params.get("signatures")) ? List.of("rpmkeys") : List.of();
        }
    };

    static void run(Map<String, String> p, PrintWriter log, OperationContext context) throws IOException {
        Wait wait = context.network();
        // the input's fingerprint (its repomd.xml) may have waited the task's time away
        String spent = wait.spentBefore("the sync engine");
        if (spent != null) {
            throw new TaskFailure(spent);
        }
        DnfSection section = DnfSection.read(Path.of(p.get("config")), p.get("repo"));
        List<String> keys = section.gpgcheck() ? Arrays.stream(section.gpgkey().split("\\s+"))
                .filter(k -> !k.isBlank()).toList() : List.of();
        SyncOptions options = new SyncOptions(Boolean.parseBoolean(p.get("delete")), Path.of(p.get("state")), keys,
                () -> stopped(wait), wait.deadline());
        int connections = p.containsKey("connections") ? Integer.parseInt(p.get("connections"))
                : Step.Sync.CONNECTIONS;
        TreeResult result = YumMirror.shared(connections).sync(section.url(), Path.of(p.get("tree")), options,
                wait::tell);
        log.println(result.url() + ": " + result.summary());
        if (result.packages() > 0) {
            result.failures().forEach(f -> log.println("  " + f));
        }
        if (result.failed()) {
            List<String> named = result.failures().stream().limit(FAILURES_NAMED).toList();
            String more = result.failures().size() > FAILURES_NAMED ? " and " + (result.failures().size()
                    - FAILURES_NAMED) + " more (see the log)" : "";
            String late = Instant.now().isBefore(wait.deadline()) ? "" : " when the task's timeout ("
                    + Durations.human(wait.timeout()) + ") ran out";
            throw new TaskFailure(result.packages() == 0 ? named.get(0) + late : result.failures().size() + " of "
                    + result.packages() + " packages could not be had: " + String.join("; ", named) + more);
        }
    }

    private static String stopped(Wait wait) {
        String stopped = wait.stopped();
        if (stopped != null) {
            return stopped;
        }
        return Instant.now().isAfter(wait.deadline()) ? "the task's timeout (" + Durations.human(wait.timeout())
                + ") ran out" : null;
    }
}
