package org.relengine.plan;

import java.util.List;

/**
 * What to plan: a full run (a new compose directory) or an update of the latest compose, and the
 * selections Rocky's tools offer.
 *
 * @param repos     only these repos (update runs only; empty: all)
 * @param arches    only these arches (empty: all); source trees are not synced when set
 * @param image     only this extra image (null: every built one)
 * @param dateStamp the compose's date stamp {@code YYYYMMDD.HHMMSS}; null leaves a placeholder that a
 *                  run fills in when it allocates the compose
 * @param allowDeletions the share of a target's files, in percent, a delete-sync may delete
 */
public record PlanOptions(boolean full, List<String> repos, List<String> arches, Scope scope, boolean debug,
                          boolean source, String image, String dateStamp, int allowDeletions) {

    /** A delete-sync refuses to delete more than this share of its target's files, in percent. */
    public static final int DEFAULT_ALLOWED_DELETIONS = 10;

    public PlanOptions(boolean full, List<String> repos, List<String> arches, Scope scope, boolean debug,
                       boolean source, String image, String dateStamp) {
        this(full, repos, arches, scope, debug, source, image, dateStamp, DEFAULT_ALLOWED_DELETIONS);
    }

    public static PlanOptions fullRun() {
        return new PlanOptions(true, List.of(), List.of(), Scope.ALL, true, true, null, null);
    }
}
