package org.relengine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.relengine.exec.ComposeRun;
import org.relengine.exec.RunRecord;
import org.relengine.exec.TaskRun;
import org.relengine.formats.AtomicFiles;
import org.relengine.plan.Task;

/**
 * The runs of a command as OpenTelemetry spans in the OTLP file format: a line per plan's run, each one JSON
 * object {@code {"resourceSpans":[…]}}, which a collector's file receiver or a trace viewer reads. A run is a
 * trace: its root span from start to end, and a child span for each task that ran, the bars of the report's
 * timeline. Tasks that took no slot (reused, skipped, not started) have no span: they have no times.
 */
final class OtlpTrace {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** OTLP's SPAN_KIND_INTERNAL: work inside the process, neither a server's nor a client's. */
    private static final int INTERNAL = 1;
    private static final int STATUS_OK = 1;
    private static final int STATUS_ERROR = 2;

    private OtlpTrace() {
    }

    static void write(Path file, List<PlanRun> runs) throws IOException {
        AtomicFiles.write(file, out -> write(out, runs));
    }

    static void write(Writer out, List<PlanRun> runs) throws IOException {
        for (PlanRun run : runs) {
            if (run.record().startedAt() != null) {
                out.write(JSON.writeValueAsString(trace(run, id(16))));
                out.write('\n');
            }
        }
    }

    static ObjectNode trace(PlanRun run, String traceId) {
        RunRecord record = run.record();
        Map<String, Task> tasks = run.plan().tasks().stream()
                .collect(Collectors.toMap(Task::id, Function.identity(), (a, b) -> a));
        ObjectNode document = JSON.createObjectNode();
        ObjectNode resource = document.putArray("resourceSpans").addObject();
        ArrayNode resourceAttributes = resource.putObject("resource").putArray("attributes");
        attribute(resourceAttributes, "service.name", "relengine");
        attribute(resourceAttributes, "service.version", ComposeRun.relengineVersion());
        ObjectNode scope = resource.putArray("scopeSpans").addObject();
        scope.putObject("scope").put("name", "org.relengine").put("version", ComposeRun.relengineVersion());
        ArrayNode spans = scope.putArray("spans");

        String rootId = id(8);
        Instant end = record.endedAt() != null ? record.endedAt() : record.now();
        ObjectNode root = span(spans, traceId, rootId, null, "relengine run " + run.plan().composeId(),
                record.startedAt(), end);
        ArrayNode rootAttributes = root.putArray("attributes");
        attribute(rootAttributes, "relengine.compose.id", run.plan().composeId());
        attribute(rootAttributes, "relengine.recipe", run.plan().recipeFile());
        attribute(rootAttributes, "relengine.status", run.status());
        attribute(rootAttributes, "relengine.slots", record.slots());
        attribute(rootAttributes, "relengine.exit_code", run.exitCode());
        status(root, run.exitCode() == 0, run.exitCode() == 0 ? null : "the run ended " + run.status());

        for (TaskRun task : record.runs()) {
            if (task.took() == null) {
                continue;
            }
            ObjectNode span = span(spans, traceId, id(8), rootId, task.id(), task.start(), task.end());
            ArrayNode attributes = span.putArray("attributes");
            attribute(attributes, "relengine.task.id", task.id());
            Task planned = tasks.get(task.id());
            if (planned != null) {
                attribute(attributes, "relengine.task.kind", planned.kind().word());
                if (planned.arch() != null) {
                    attribute(attributes, "relengine.task.arch", planned.arch());
                }
            }
            attribute(attributes, "relengine.task.stage", task.stage());
            attribute(attributes, "relengine.task.state", task.state().word());
            attribute(attributes, "relengine.task.failable", task.failable());
            if (task.exit() != null) {
                attribute(attributes, "relengine.task.exit_code", task.exit());
            }
            status(span, !task.failed(), task.failed() ? task.reason() : null);
        }
        return document;
    }

    private static ObjectNode span(ArrayNode spans, String traceId, String spanId, String parentId, String name,
                                   Instant start, Instant end) {
        ObjectNode span = spans.addObject();
        span.put("traceId", traceId).put("spanId", spanId);
        if (parentId != null) {
            span.put("parentSpanId", parentId);
        }
        // OTLP JSON carries 64-bit integers as strings: JavaScript numbers would round them
        return span.put("name", name).put("kind", INTERNAL)
                .put("startTimeUnixNano", nanos(start)).put("endTimeUnixNano", nanos(end));
    }

    private static void status(ObjectNode span, boolean ok, String message) {
        ObjectNode status = span.putObject("status").put("code", ok ? STATUS_OK : STATUS_ERROR);
        if (message != null) {
            status.put("message", org.relengine.secrets.Redaction.text(message));
        }
    }

    private static void attribute(ArrayNode attributes, String key, Object value) {
        ObjectNode attribute = attributes.addObject().put("key", key);
        ObjectNode any = attribute.putObject("value");
        if (value instanceof Integer number) {
            any.put("intValue", String.valueOf(number));
        } else if (value instanceof Boolean flag) {
            any.put("boolValue", flag);
        } else {
            any.put("stringValue", String.valueOf(value));
        }
    }

    static String nanos(Instant instant) {
        return String.valueOf(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L),
                instant.getNano()));
    }

    /** A random id of {@code bytes} bytes in lower-case hex; all zeros is not a valid id in OTLP. */
    static String id(int bytes) {
        byte[] id = new byte[bytes];
        do {
            RANDOM.nextBytes(id);
        } while (java.util.Arrays.equals(id, new byte[bytes]));
        return HexFormat.of().formatHex(id);
    }
}
