package org.relengine.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.relengine.exec.StageRun;
import org.relengine.exec.TaskRun;
import org.relengine.exec.TaskState;
import org.relengine.formats.AtomicFiles;

/**
 * A run as JUnit XML, the Ant/Surefire format CI servers show as test results: a test suite per stage, a test
 * case per task. A failed task is a failure with the end of its log; a failable task's failure is a failure of
 * type {@code failable}, so that it shows without failing a build that looks at {@code type}.
 */
public final class JUnitReport {

    /** Lines of a failed task's log a failure carries. */
    static final int TAIL = 40;

    /** Ant's schema: a date and time without a zone; relengine's is UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    private JUnitReport() {
    }

    public static void write(Path file, List<PlanRun> runs) throws IOException {
        AtomicFiles.write(file, out -> write(out, runs));
    }

    static void write(Writer out, List<PlanRun> runs) throws IOException {
        Markup xml = new Markup(out);
        xml.document(() -> {
            List<TaskRun> all = runs.stream().flatMap(r -> r.record().runs().stream()).toList();
            xml.declaration().indent().open("testsuites", "name", "relengine",
                    "tests", String.valueOf(all.size()),
                    "failures", String.valueOf(all.stream().filter(TaskRun::failed).count()),
                    "errors", "0",
                    "skipped", String.valueOf(all.stream().filter(t -> !t.done() && !t.failed()).count()),
                    "time", seconds(runs.stream().map(PlanRun::took).reduce(Duration.ZERO, Duration::plus)));
            for (PlanRun run : runs) {
                for (StageRun stage : run.record().stages()) {
                    suite(xml, run, stage, runs.size() > 1);
                }
            }
            xml.outdent().close().text("\n");
        });
    }

    private static void suite(Markup xml, PlanRun run, StageRun stage, boolean several)
            throws XMLStreamException, IOException {
        Instant start = stage.start() != null ? stage.start() : run.record().startedAt();
        Instant end = run.record().endedAt();
        xml.indent().open("testsuite",
                "name", several ? run.plan().composeId() + " " + stage.name() : stage.name(),
                "tests", String.valueOf(stage.total()),
                "failures", String.valueOf(stage.failed()),
                "errors", "0",
                "skipped", String.valueOf(stage.total() - stage.done() - stage.failed()),
                "time", seconds(stage.wall(end != null ? end : run.record().now())),
                "timestamp", TIMESTAMP.format(start.truncatedTo(ChronoUnit.SECONDS)));
        for (TaskRun task : stage.tasks()) {
            testcase(xml, task);
        }
        xml.outdent().close();
    }

    private static void testcase(Markup xml, TaskRun task) throws XMLStreamException, IOException {
        String[] attributes = {"classname", "relengine." + task.stage(), "name", task.id(),
            "time", seconds(task.took() == null ? Duration.ZERO : task.took())};
        if (task.done()) {
            xml.indent().empty("testcase", attributes);
            return;
        }
        xml.indent().open("testcase", attributes).indent();
        if (task.failed()) {
            xml.open("failure", "message", task.reason() == null ? "failed" : task.reason(),
                    "type", task.failable() ? "failable" : "failed");
            List<String> tail = LogTail.of(task.log(), TAIL);
            xml.text(tail.isEmpty() ? "(no log)" : "\n" + String.join("\n", tail) + "\n").close();
        } else if (task.skipped()) {
            xml.empty("skipped", "message", task.reason() == null ? "a required dependency failed" : task.reason());
        } else {
            xml.empty("skipped", "message", task.state() == TaskState.PENDING ? "the run ended before it started"
                    : task.shown());
        }
        xml.outdent().close();
    }

    /** Seconds with milliseconds, as JUnit's {@code time} has them. */
    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
