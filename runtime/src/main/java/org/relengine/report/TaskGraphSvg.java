package org.relengine.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import org.relengine.exec.TaskRun;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * The task graph of a run as inline SVG: a column per dependency depth, left to right, a line from every
 * task to each task that waits for it, and each task a small box coloured by its state with its id and
 * duration as a tooltip. A column of a Rocky plan holds a hundred and more syncs, so a tall column is cut
 * into side-by-side columns of {@link #ROWS}: the picture grows wide rather than very tall.
 */
final class TaskGraphSvg {

    static final int ROWS = 36;
    private static final int BOX_WIDTH = 168;
    private static final int BOX_HEIGHT = 13;
    private static final int ROW = 16;
    private static final int SIDE_GAP = 8;
    private static final int DEPTH_GAP = 40;
    private static final int MARGIN = 6;
    /** Characters of an id that fit a box at the 10px monospace of the labels. */
    private static final int LABEL = 27;

    private record Box(int x, int y) {
    }

    private TaskGraphSvg() {
    }

    static void write(Markup svg, Plan plan, Map<String, TaskRun> runs) throws XMLStreamException {
        Map<String, Box> boxes = layout(plan);
        int width = boxes.values().stream().mapToInt(Box::x).max().orElse(0) + BOX_WIDTH + MARGIN;
        int height = boxes.values().stream().mapToInt(Box::y).max().orElse(0) + BOX_HEIGHT + MARGIN;
        svg.open("svg", "width", String.valueOf(width), "height", String.valueOf(height),
                "viewBox", "0 0 " + width + " " + height, "role", "img",
                "aria-label", "the task graph: " + plan.tasks().size() + " tasks");
        svg.open("g", "class", "edges");
        for (Task task : plan.tasks()) {
            Box to = boxes.get(task.id());
            for (String dependency : task.dependsOn()) {
                Box from = boxes.get(dependency);
                if (from != null) {
                    svg.empty("line", "x1", String.valueOf(from.x() + BOX_WIDTH), "y1", middle(from),
                            "x2", String.valueOf(to.x()), "y2", middle(to));
                }
            }
        }
        svg.close();
        for (Task task : plan.tasks()) {
            Box box = boxes.get(task.id());
            TaskRun run = runs.get(task.id());
            svg.open("g", "class", "node " + HtmlReport.stateClass(run));
            svg.element("title", task.id() + ": " + run.shown()
                    + (run.took() == null ? "" : ", " + HtmlReport.human(run.took())));
            svg.empty("rect", "x", String.valueOf(box.x()), "y", String.valueOf(box.y()),
                    "width", String.valueOf(BOX_WIDTH), "height", String.valueOf(BOX_HEIGHT), "rx", "2");
            svg.element("text", label(task.id()), "x", String.valueOf(box.x() + 3),
                    "y", String.valueOf(box.y() + BOX_HEIGHT - 3));
            svg.close();
        }
        svg.close();
    }

    /** Depth: the longest chain of dependencies before a task. A plan lists every task after its dependencies. */
    private static Map<String, Box> layout(Plan plan) {
        Map<String, Integer> depth = new HashMap<>();
        TreeMap<Integer, List<Task>> columns = new TreeMap<>();
        for (Task task : plan.tasks()) {
            int d = task.dependsOn().stream().mapToInt(id -> depth.getOrDefault(id, -1) + 1).max().orElse(0);
            depth.put(task.id(), d);
            columns.computeIfAbsent(d, k -> new ArrayList<>()).add(task);
        }
        Map<String, Box> boxes = new HashMap<>();
        int x = MARGIN;
        for (List<Task> column : columns.values()) {
            for (int first = 0; first < column.size(); first += ROWS) {
                if (first > 0) {
                    x += BOX_WIDTH + SIDE_GAP;
                }
                List<Task> side = column.subList(first, Math.min(column.size(), first + ROWS));
                for (int row = 0; row < side.size(); row++) {
                    boxes.put(side.get(row).id(), new Box(x, MARGIN + row * ROW));
                }
            }
            x += BOX_WIDTH + DEPTH_GAP;
        }
        return boxes;
    }

    private static String middle(Box box) {
        return String.valueOf(box.y() + BOX_HEIGHT / 2);
    }

    private static String label(String id) {
        return id.length() <= LABEL ? id : id.substring(0, LABEL - 1) + "…";
    }
}
