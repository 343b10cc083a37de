package org.relengine.report;

import java.nio.file.Path;
import org.relengine.exec.ProgressMode;

/**
 * How a run is shown and reported: its progress display, and the reports written when it ends.
 *
 * @param junit where the JUnit XML report goes; null: none
 * @param html  where the HTML report goes; null: none
 * @param trace where the OpenTelemetry trace goes; null: none
 */
public record ReportOptions(Path junit, Path html, Path trace, ProgressMode mode) {
}
