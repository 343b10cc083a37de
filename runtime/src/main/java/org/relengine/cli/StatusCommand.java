package org.relengine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.relengine.exec.ComposeRecord;
import org.relengine.exec.ComposeRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "status", mixinStandardHelpOptions = true,
        description = "Show a compose's state from its journal: every task's state, timings and log, who holds "
                + "its lock, and what STATUS says.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:DIR is not a compose relengine ran"})
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The compose directory (or its latest link).")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ComposeRecord record;
        try {
            record = ComposeRecord.read(dir, org.relengine.steps.StepRegistry.standard());
        } catch (ComposeRecord.NotACompose e) {
            spec.commandLine().getErr().println("relengine: " + e.getMessage());
            spec.commandLine().getErr().println("  hint: give the directory of a compose, e.g. "
                    + "/mnt/compose/9/latest-Rocky-9");
            return ExitCode.ERRORS;
        }
        record.history().damaged().forEach(line -> spec.commandLine().getErr().println(
                "relengine: warning: " + record.dir().resolve("work/journal") + " " + line + "; skipped"));
        Map<String, ComposeRecord.TaskRecord> tasks = record.tasks();
        Map<String, Integer> counts = new TreeMap<>();
        tasks.values().forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        if (format == OutputFormat.json) {
            out.print(json(record, tasks, counts));
        } else {
            text(record, tasks, counts, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private void text(ComposeRecord record, Map<String, ComposeRecord.TaskRecord> tasks, Map<String, Integer> counts,
                      PrintWriter out) {
        out.println("compose  " + record.plan().composeId() + "  (" + record.dir() + ")");
        out.println("STATUS   " + (record.status() == null ? "(none)" : record.status()));
        out.println("lock     " + (record.lock() == null ? "free"
                : "held by pid " + record.lock().pid() + " on " + record.lock().host() + " since "
                        + record.lock().started() + (record.lock().command() == null ? ""
                        : " (" + record.lock().command() + ")") + ": " + record.lock().liveness()));
        out.println("runs     " + record.history().runs());
        StringBuilder summary = new StringBuilder();
        counts.forEach((state, n) -> summary.append(summary.isEmpty() ? "" : ", ").append(n).append(' ').append(state));
        out.println("tasks    " + tasks.size() + ": " + summary);
        out.println();
        int width = tasks.keySet().stream().mapToInt(String::length).max().orElse(4);
        out.printf("%-8s %-" + width + "s  %-19s  %9s  %s%n", "STATE", "TASK", "STARTED", "TOOK", "LOG");
        for (ComposeRecord.TaskRecord task : tasks.values()) {
            Duration took = task.took();
            String log = record.log(task.task().id()).toFile().exists()
                    ? record.dir().relativize(record.log(task.task().id())).toString() : "-";
            out.printf("%-8s %-" + width + "s  %-19s  %9s  %s%n", task.state(), task.task().id(),
                    task.started() == null ? "-" : CLOCK.format(task.started()),
                    took == null ? "-" : org.relengine.formats.Durations.human(took), log);
            if (task.reason() != null && (task.state().equals("failed") || task.state().equals("retrying"))) {
                out.println("         " + " ".repeat(width) + "  " + task.reason());
            }
        }
    }

    private String json(ComposeRecord record, Map<String, ComposeRecord.TaskRecord> tasks,
                        Map<String, Integer> counts) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("compose", record.plan().composeId());
        root.put("dir", record.dir().toString());
        root.put("status", record.status());
        if (record.lock() != null) {
            ObjectNode lock = root.putObject("lock");
            lock.put("pid", record.lock().pid());
            lock.put("host", record.lock().host());
            lock.put("started", record.lock().started().toString());
            lock.put("command", record.lock().command());
            lock.put("liveness", record.lock().liveness());
        }
        root.put("runs", record.history().runs());
        root.set("counts", json.valueToTree(counts));
        ArrayNode list = root.putArray("tasks");
        for (ComposeRecord.TaskRecord task : tasks.values()) {
            ObjectNode node = list.addObject();
            node.put("id", task.task().id());
            node.put("stage", task.task().kind().stage());
            node.put("state", task.state());
            node.put("started", task.started() == null ? null : task.started().toString());
            node.put("seconds", task.took() == null ? null : task.took().toMillis() / 1000.0);
            node.put("log", record.log(task.task().id()).toString());
            node.put("reason", task.reason());
        }
        return json.writeValueAsString(root) + "\n";
    }
}
