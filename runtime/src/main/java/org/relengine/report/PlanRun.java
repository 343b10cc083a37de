package org.relengine.report;

import java.time.Duration;
import org.relengine.exec.RunRecord;
import org.relengine.plan.Plan;

/**
 * One plan's run, as the reports need it.
 *
 * @param status the compose's STATUS after the run ({@code FINISHED}, {@code DOOMED}…), or {@code done} or
 *               {@code failed} for a run that only publishes
 */
public record PlanRun(Plan plan, RunRecord record, int exitCode, Duration took, String status) {
}
