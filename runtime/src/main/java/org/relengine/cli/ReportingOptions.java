package org.relengine.cli;

import java.nio.file.Path;
import org.relengine.exec.ProgressMode;
import org.relengine.report.ReportOptions;
import org.relengine.report.RunReports;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of every command that runs tasks: how the run shows its progress, and the reports it writes. */
final class ReportingOptions {

    @Option(names = "--progress", paramLabel = "auto|live|plain", defaultValue = "auto", converter = Mode.class,
            description = "live: a line per stage, redrawn in place; plain: a line per task that ends; "
                    + "auto (default): live on a terminal, plain otherwise and in CI.")
    ProgressMode progress;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write a JUnit XML report of the run: a test case per task.")
    Path junit;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write an HTML report of the run: timeline, stages, task graph, every task with its log.")
    Path html;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write the run as OpenTelemetry spans in the OTLP file format (a JSON line per run): "
                    + "a span for the run, one for each task that ran.")
    Path trace;

    /** Says the modes as the help writes them, in lower case. */
    static final class Mode implements CommandLine.ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            try {
                return ProgressMode.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected auto, live or plain, not `" + value + "`");
            }
        }
    }

    /** The reports of this command's runs, for the output this process has. */
    RunReports reports() {
        return new RunReports(new ReportOptions(junit, html, trace, progress), System.getenv(), System.console() != null);
    }
}
