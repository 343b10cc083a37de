package org.relengine.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plan for people: counts per kind, compose id, target directories, then tasks by stage. */
public final class PlanText {

    private PlanText() {
    }

    /** @param kinds every task kind, in the order the counts show them */
    public static String render(Plan plan, List<TaskKind> kinds) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for ").append(plan.recipeFile()).append(": ").append(plan.tasks().size())
                .append(" tasks to run").append(plan.full() ? " (full run: a new compose)" : plan.scope().vault()
                        ? " (the published release into the vault)" : plan.targets().containsKey("latest")
                        ? " (update of the latest compose)" : " (publish of a compose made elsewhere)")
                .append("\n");
        out.append("  compose id   ").append(plan.composeId()).append('\n');
        plan.targets().forEach((name, path) -> out.append(String.format("  %-12s %s%n", name, path)));
        out.append("\n  ");
        counts(plan, kinds).forEach((kind, n) -> out.append(kind).append(' ').append(n).append("  "));
        out.setLength(out.length() - 2);
        out.append("\n");
        for (String stage : List.of("compose", "images", "publish")) {
            List<Task> inStage = plan.tasks().stream().filter(t -> t.kind().stage().equals(stage)).toList();
            if (inStage.isEmpty()) {
                continue;
            }
            out.append('\n').append(stage).append(" (").append(inStage.size()).append("):\n");
            for (Task task : inStage) {
                out.append("  ").append(task.id());
                if (task.failable()) {
                    out.append("  (failable)");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static Map<String, Integer> counts(Plan plan, List<TaskKind> kinds) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TaskKind kind : kinds) {
            long n = plan.tasks().stream().filter(t -> t.kind().equals(kind)).count();
            if (n > 0) {
                counts.put(kind.word(), (int) n);
            }
        }
        return counts;
    }

    /** A summary fit for a pull-request comment. */
    public static String markdown(Plan plan, PlanSource source, List<TaskKind> kinds) {
        StringBuilder out = new StringBuilder();
        out.append("### relengine plan: `").append(plan.recipeFile()).append("`\n\n");
        out.append("**").append(plan.tasks().size()).append(" tasks** ")
                .append(plan.full() ? "in a new compose" : "updating the latest compose").append(", compose id `")
                .append(plan.composeId()).append("`");
        if (source != null && source.commit() != null) {
            out.append(", recipe at `").append(source.commit(), 0, Math.min(12, source.commit().length())).append('`');
        }
        out.append("\n\n| kind | tasks |\n|---|---:|\n");
        counts(plan, kinds).forEach((kind, n) -> out.append("| ").append(kind).append(" | ").append(n).append(" |\n"));
        out.append("\n| target | path |\n|---|---|\n");
        new TreeMap<>(plan.targets()).forEach((name, path) -> out.append("| ").append(name).append(" | `")
                .append(path).append("` |\n"));
        out.append("\n<details><summary>Tasks</summary>\n\n");
        for (Task task : plan.tasks()) {
            out.append("- `").append(task.id()).append('`').append(task.failable() ? " (failable)" : "").append('\n');
        }
        out.append("\n</details>\n");
        return out.toString();
    }
}
