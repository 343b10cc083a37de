package org.relengine.cli;

import java.util.ArrayList;
import java.util.List;
import org.relengine.plan.PlanOptions;
import org.relengine.plan.Scope;
import picocli.CommandLine.Option;

/** The options every command that plans shares: what to plan and where. */
final class PlanningOptions {

    /** The command these options belong to, for the help hint. */
    String command = "plan";

    @Option(names = "--update", description = "Plan an update of the latest compose instead of a new full compose.")
    boolean update;

    @Option(names = "--repo", split = ",", paramLabel = "REPO",
            description = "Only these repos (update runs). Repeatable or comma-separated.")
    List<String> repos = new ArrayList<>();

    @Option(names = "--arch", split = ",", paramLabel = "ARCH",
            description = "Only these arches; source trees are then not synced. Repeatable or comma-separated.")
    List<String> arches = new ArrayList<>();

    @Option(names = "--only", paramLabel = "compose|publish|vault", description = "Only the compose or only the publish "
            + "steps; or vault the published release (its own run).")
    String only;

    @Option(names = "--skip-debug", description = "Do not sync debug trees.")
    boolean skipDebug;

    @Option(names = "--skip-source", description = "Do not sync source trees.")
    boolean skipSource;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Only this extra image (e.g. dvd).")
    String image;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Relocate the compose, staging and production roots to DIR/compose, DIR/staging, DIR/production.")
    String root;

    @Option(names = "--source", paramLabel = "URL", description = "Sync from this base URL instead of the recipe's.")
    String source;

    @Option(names = "--allow-deletions", paramLabel = "PERCENT",
            description = "A delete-sync may delete at most this share of its target's files (default 10).")
    Integer allowDeletions;

    @Option(names = "--executor", paramLabel = "local",
            description = "Run every step on this machine, whatever executor the recipe names (only `local`).")
    String executor;

    @Option(names = "--date-stamp", paramLabel = "YYYYMMDD.HHMMSS",
            description = "The compose's date stamp (default: a placeholder in plans, the current time in runs).")
    String dateStamp;

    /** The options as they are written on a command line, to repeat them in a hint. */
    String asArguments() {
        StringBuilder args = new StringBuilder();
        if (update) {
            args.append(" --update");
        }
        repos.forEach(r -> args.append(" --repo ").append(r));
        arches.forEach(a -> args.append(" --arch ").append(a));
        append(args, "--only", only);
        if (skipDebug) {
            args.append(" --skip-debug");
        }
        if (skipSource) {
            args.append(" --skip-source");
        }
        append(args, "--image", image);
        append(args, "--root", root);
        append(args, "--source", source);
        append(args, "--date-stamp", dateStamp);
        append(args, "--executor", executor);
        if (allowDeletions != null) {
            args.append(" --allow-deletions ").append(allowDeletions);
        }
        return args.toString();
    }

    private static void append(StringBuilder args, String option, String value) {
        if (value != null) {
            args.append(' ').append(option).append(' ').append(org.relengine.plan.ShellQuote.quote(value));
        }
    }

    PlanOptions toOptions(String defaultStamp) throws UsageException {
        Scope scope = Scope.ALL;
        if (only != null) {
            scope = switch (only) {
                case "compose" -> Scope.COMPOSE;
                case "publish" -> Scope.PUBLISH;
                case "vault" -> Scope.VAULT;
                default -> throw new UsageException("--only takes compose, publish or vault, not `" + only + "`");
            };
        }
        String stamp = dateStamp == null ? defaultStamp : dateStamp;
        if (stamp != null && !stamp.matches("\\d{8}\\.\\d{6}")) {
            throw new UsageException("--date-stamp takes YYYYMMDD.HHMMSS, not `" + stamp + "`");
        }
        int deletions = allowDeletions == null ? PlanOptions.DEFAULT_ALLOWED_DELETIONS : allowDeletions;
        if (deletions < 0 || deletions > 100) {
            throw new UsageException("--allow-deletions takes a percentage from 0 to 100, not " + deletions);
        }
        return new PlanOptions(!update, List.copyOf(repos), List.copyOf(arches), scope, !skipDebug, !skipSource, image,
                stamp, deletions);
    }

    /** A command-line mistake found after parsing; exit 64 like picocli's own. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
