package org.relengine.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.relengine.exec.ComposeRun;
import org.relengine.exec.CriticalPath;
import org.relengine.exec.Lanes;
import org.relengine.exec.StageRun;
import org.relengine.exec.TaskRun;
import org.relengine.exec.TaskState;
import org.relengine.formats.AtomicFiles;

/**
 * A run as one HTML file that needs nothing else: styles and the task graph inline, no script, no font or
 * image from anywhere, so that it can be mailed, archived with the compose, or opened years later. Every
 * log is linked by a path relative to the report, so the links work wherever compose and report move
 * together.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** No character here is one XML escapes: a style element's text is not unescaped by browsers. */
    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}",
            "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}",
            "table{border-collapse:collapse;margin:.5em 0}",
            "th,td{padding:.15em .7em;text-align:left;border-bottom:1px solid #ddd;vertical-align:top}",
            "td.n{text-align:right;font-variant-numeric:tabular-nums}",
            "table.facts th{font-weight:normal;color:#666}",
            "table.tasks td.id{font-family:monospace}",
            ".graph,.timeline-box{overflow-x:auto;border:1px solid #ddd;padding:4px}",
            ".timeline .lanes rect.even{fill:#f7f8fa}.timeline .lanes rect.odd{fill:#eceef2}",
            ".timeline .axis line{stroke:#bbc;stroke-width:.6}",
            ".bar rect{stroke:#667;stroke-width:.5}",
            ".bar.critical rect{stroke:#000;stroke-width:2}",
            ".key.critical{border:2px solid #000}",
            "ol.critical{font-family:monospace;font-size:.9em}",
            "svg text{font:10px monospace;fill:#111}",
            "svg .edges line{stroke:#89a;stroke-width:.6;opacity:.55}",
            ".node rect{stroke:#667;stroke-width:.5}",
            ".done rect,td.done,.key.done{background:#b7e4c0;fill:#b7e4c0}",
            ".failed rect,td.failed,.key.failed{background:#f4a6a6;fill:#f4a6a6}",
            ".failable rect,td.failable,.key.failable{background:#f9d49b;fill:#f9d49b}",
            ".skipped rect,td.skipped,.key.skipped{background:#ddd;fill:#ddd}",
            ".reused rect,td.reused,.key.reused{background:#b9d7f5;fill:#b9d7f5}",
            ".notrun rect,td.notrun,.key.notrun{background:#fff;fill:#fff}",
            ".key{display:inline-block;padding:0 .5em;margin-right:.3em;border:1px solid #aaa;font-size:.9em}",
            "footer{margin-top:2em;color:#888;font-size:.85em}");

    private HtmlReport() {
    }

    public static void write(Path file, List<PlanRun> runs) throws IOException {
        Path dir = file.toAbsolutePath().normalize().getParent();
        AtomicFiles.write(file, out -> write(out, runs, dir));
    }

    /** @param dir the report's directory, which log links are relative to */
    static void write(Writer out, List<PlanRun> runs, Path dir) throws IOException {
        Markup html = new Markup(out);
        html.document(() -> {
            html.doctype("<!DOCTYPE html>").text("\n").open("html", "lang", "en").text("\n").open("head");
            html.empty("meta", "charset", "utf-8");
            html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
            html.element("title", "relengine run: " + String.join(", ",
                    runs.stream().map(r -> r.plan().composeId()).toList()));
            html.element("style", STYLE);
            html.close().text("\n").open("body");
            for (PlanRun run : runs) {
                section(html, run, dir);
            }
            html.element("footer", "Written by relengine at "
                    + TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + ".");
            html.close().text("\n").close().text("\n");
        });
    }

    private static void section(Markup html, PlanRun run, Path dir) throws XMLStreamException, IOException {
        List<TaskRun> tasks = run.record().runs();
        Instant started = run.record().startedAt();
        html.text("\n").open("section");
        html.element("h1", run.plan().composeId() + ": " + run.status());
        html.open("table", "class", "facts");
        fact(html, "compose", run.plan().composeId());
        fact(html, "recipe", run.plan().recipeFile());
        fact(html, "status", run.status());
        fact(html, "started", started == null ? "—" : TIME.format(started.truncatedTo(ChronoUnit.SECONDS)));
        fact(html, "took", human(run.took()));
        long failable = tasks.stream().filter(t -> t.failed() && t.failable()).count();
        long reused = tasks.stream().filter(TaskRun::reused).count();
        fact(html, "tasks", tasks.size() + ": " + tasks.stream().filter(TaskRun::done).count() + " done"
                + (reused > 0 ? " (" + reused + " reused)" : "")
                + ", " + tasks.stream().filter(TaskRun::failed).count() + " failed"
                + (failable > 0 ? " (" + failable + " failable)" : "")
                + ", " + tasks.stream().filter(TaskRun::skipped).count() + " skipped");
        html.close();

        timeline(html, run);

        html.text("\n").element("h2", "Stages");
        html.open("table", "class", "stages").open("thead").open("tr");
        for (String heading : List.of("stage", "tasks", "done", "failed", "skipped", "wall time")) {
            html.element("th", heading);
        }
        html.close().close().open("tbody");
        Instant end = run.record().endedAt() != null ? run.record().endedAt() : run.record().now();
        for (StageRun stage : run.record().stages()) {
            html.text("\n").open("tr").element("td", stage.name());
            for (int count : new int[] {stage.total(), stage.done(), stage.failed(), stage.skipped()}) {
                html.element("td", String.valueOf(count), "class", "n");
            }
            html.element("td", human(stage.wall(end)), "class", "n").close();
        }
        html.close().close();

        html.text("\n").element("h2", "Task graph");
        html.open("p");
        for (String state : List.of("done", "failed", "failable", "skipped", "reused", "notrun")) {
            html.element("span", state.equals("notrun") ? "not run" : state, "class", "key " + state);
        }
        html.close().open("div", "class", "graph");
        Map<String, TaskRun> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        TaskGraphSvg.write(html, run.plan(), byId);
        html.close();

        html.text("\n").element("h2", "Tasks");
        html.open("table", "class", "tasks").open("thead").open("tr");
        for (String heading : List.of("task", "stage", "state", "start", "took", "exit", "reason", "log")) {
            html.element("th", heading);
        }
        html.close().close().open("tbody");
        for (TaskRun task : tasks) {
            html.text("\n").open("tr");
            html.element("td", task.id(), "class", "id");
            html.element("td", task.stage());
            html.element("td", task.shown(), "class", stateClass(task));
            String offset = task.start() == null || started == null ? ""
                    : "+" + human(Duration.between(started, task.start()));
            html.element("td", offset, "class", "n");
            html.element("td", task.took() == null ? "" : human(task.took()), "class", "n");
            html.element("td", task.exit() == null ? "" : String.valueOf(task.exit()), "class", "n");
            html.element("td", task.reason() == null ? "" : task.reason());
            html.open("td");
            if (task.log() != null && Files.isRegularFile(task.log())) {
                String relative = dir.relativize(task.log().toAbsolutePath().normalize()).toString();
                html.element("a", relative, "href", href(relative));
            }
            html.close().close();
        }
        html.close().close().text("\n").close();
    }

    /**
     * The timeline, then what it says in words: the critical path against the wall time, the idle slots, and
     * the path task by task.
     */
    private static void timeline(Markup html, PlanRun run) throws XMLStreamException {
        List<TaskRun> tasks = run.record().runs();
        CriticalPath path = CriticalPath.of(run.record());
        Lanes lanes = Lanes.of(tasks, run.record().pooled());
        html.text("\n").element("h2", "Timeline");
        if (path.tasks().isEmpty()) {
            html.element("p", "No task ran in this run: every task was reused, skipped or not started.");
            return;
        }
        html.open("p");
        for (String state : List.of("done", "failed", "failable")) {
            html.element("span", state, "class", "key " + state);
        }
        html.element("span", "critical path", "class", "key critical");
        html.close().open("div", "class", "timeline-box");
        TimelineSvg.write(html, tasks, run.record().startedAt(), lanes, path);
        html.close();
        int slots = Math.max(run.record().slots(), lanes.count());
        long slotless = tasks.stream().filter(t -> t.took() == null).count();
        html.element("p", "Critical path " + path.summary() + "; slots idle " + lanes.idle(slots, path.wall())
                + " % of " + slots + (slots == 1 ? " slot" : " slots") + " × " + human(path.wall()) + "."
                + (slotless == 0 ? "" : " " + slotless + (slotless == 1 ? " task" : " tasks")
                + " took no slot (reused, skipped or not run) and " + (slotless == 1 ? "has" : "have") + " no bar."),
                "class", "where");
        html.open("ol", "class", "critical");
        Instant started = run.record().startedAt();
        for (TaskRun task : path.tasks()) {
            html.element("li", task.id() + " — " + task.shown() + ", " + human(task.took()) + " from +"
                    + human(Duration.between(started, task.start())));
        }
        html.close();
    }

    private static void fact(Markup html, String name, String value) throws XMLStreamException {
        html.open("tr").element("th", name).element("td", value).close();
    }

    /** The CSS class of a task's state: a state this version does not know gets none of the colours. */
    static String stateClass(TaskRun task) {
        if (task.reused()) {
            return "reused";
        }
        if (task.failed()) {
            return task.failable() ? "failable" : "failed";
        }
        if (task.state() == TaskState.PENDING) {
            return "notrun";
        }
        return task.state().word();
    }

    static String human(Duration d) {
        return org.relengine.formats.Durations.human(d);
    }

    /**
     * A relative URL of a relative path: each segment percent-encoded as UTF-8, except the characters that
     * mean the same in any URL, so that a colon or a space in a name cannot turn into a scheme or a break.
     */
    static String href(String relative) {
        StringBuilder url = new StringBuilder();
        for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                url.append(c);
            } else {
                url.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return url.toString();
    }
}
