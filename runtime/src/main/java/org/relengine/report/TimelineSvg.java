package org.relengine.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.relengine.exec.CriticalPath;
import org.relengine.exec.Lanes;
import org.relengine.exec.TaskRun;

/**
 * Where a run's time went, as inline SVG: a lane per slot the tasks ran in, each task that ran a bar from its
 * start to its end coloured by its state, with its id, state, duration and times as a tooltip, a time axis
 * below, and the bars of the critical path outlined. Tasks that took no slot (reused, skipped, not run) have
 * no bar: the time they did not take is what the picture is about.
 */
final class TimelineSvg {

    /** Wide enough to tell a one-second task from a ten-second one in a run of minutes; narrower pages scroll. */
    static final int PLOT_WIDTH = 1200;
    private static final int LEFT = 52;
    private static final int RIGHT = 40;
    private static final int TOP = 4;
    private static final int LANE = 18;
    private static final int BAR_HEIGHT = 14;
    private static final int AXIS = 22;
    /** Pixels a character of the 10px monospace labels takes. */
    private static final double CHARACTER = 6.1;
    /** Tick steps, in seconds: the first that leaves at most {@link #TICKS} ticks on the axis is used. */
    private static final long[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400};
    private static final int TICKS = 12;

    private TimelineSvg() {
    }

    /**
     * @param tasks   every task of the run, in plan order
     * @param started when the run started
     */
    static void write(Markup svg, List<TaskRun> tasks, Instant started, Lanes lanes, CriticalPath path)
            throws XMLStreamException {
        long wall = Math.max(1, path.wall().toMillis());
        int height = TOP + lanes.drawn() * LANE + AXIS;
        int width = LEFT + PLOT_WIDTH + RIGHT;
        svg.open("svg", "width", String.valueOf(width), "height", String.valueOf(height),
                "viewBox", "0 0 " + width + " " + height, "role", "img", "class", "timeline",
                "aria-label", "the timeline: " + lanes.lanes().size() + " tasks in " + lanes.count()
                        + (lanes.count() == 1 ? " lane" : " lanes") + (lanes.pooled() == 0 ? "" : " and "
                        + lanes.pooled() + (lanes.pooled() == 1 ? " pool lane" : " pool lanes")) + " over " + HtmlReport.human(path.wall()));
        svg.open("g", "class", "lanes");
        for (int lane = 0; lane < lanes.drawn(); lane++) {
            svg.empty("rect", "x", String.valueOf(LEFT), "y", String.valueOf(TOP + lane * LANE),
                    "width", String.valueOf(PLOT_WIDTH), "height", String.valueOf(LANE),
                    "class", lane % 2 == 0 ? "even" : "odd");
            svg.element("text", lane < lanes.count() ? "slot " + (lane + 1) : "pool " + (lane - lanes.count() + 1), "x", "2", "y", String.valueOf(TOP + lane * LANE + LANE - 5));
        }
        svg.close();
        int bottom = TOP + lanes.drawn() * LANE;
        svg.open("g", "class", "axis");
        long step = step(wall);
        for (long tick = 0; tick * 1000 <= wall; tick += step) {
            String x = number(LEFT + PLOT_WIDTH * (tick * 1000.0 / wall));
            svg.empty("line", "x1", x, "y1", String.valueOf(TOP), "x2", x, "y2", String.valueOf(bottom + 4));
            svg.element("text", clock(tick), "x", x, "y", String.valueOf(bottom + 15), "text-anchor", "middle");
        }
        svg.close();
        for (TaskRun task : tasks) {
            Integer lane = lanes.lanes().get(task.id());
            if (lane == null) {
                continue;
            }
            double x = LEFT + PLOT_WIDTH * (Duration.between(started, task.start()).toMillis() / (double) wall);
            // a task of a few milliseconds still shows, as a sliver
            double w = Math.max(1.5, PLOT_WIDTH * (task.took().toMillis() / (double) wall));
            int y = TOP + lane * LANE + (LANE - BAR_HEIGHT) / 2;
            boolean critical = path.contains(task.id());
            svg.open("g", "class", "bar " + HtmlReport.stateClass(task) + (critical ? " critical" : ""),
                    "data-lane", String.valueOf(lane));
            svg.element("title", task.id() + ": " + task.shown() + ", " + HtmlReport.human(task.took())
                    + " (+" + HtmlReport.human(Duration.between(started, task.start())) + " to +"
                    + HtmlReport.human(Duration.between(started, task.end())) + ")"
                    + (critical ? ", on the critical path" : ""));
            svg.empty("rect", "x", number(x), "y", String.valueOf(y), "width", number(w),
                    "height", String.valueOf(BAR_HEIGHT), "rx", "2");
            int fits = (int) ((w - 6) / CHARACTER);
            if (fits >= 4) {
                String label = task.id().length() <= fits ? task.id() : task.id().substring(0, fits - 1) + "…";
                svg.element("text", label, "x", number(x + 3), "y", String.valueOf(y + BAR_HEIGHT - 3));
            }
            svg.close();
        }
        svg.close();
    }

    /** Seconds between ticks: the smallest step that keeps the axis readable. */
    static long step(long wallMillis) {
        for (long step : STEPS) {
            if (wallMillis / 1000 / step < TICKS) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1] * (wallMillis / 1000 / STEPS[STEPS.length - 1] / TICKS + 1);
    }

    /** {@code 0:30}, {@code 4:07}, {@code 1:02:09}. */
    static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** A coordinate with one decimal, whatever the locale's decimal mark. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
