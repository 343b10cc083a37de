package org.relengine.plan;

/** The plan's task graph as Graphviz dot and as a Mermaid flowchart. */
public final class PlanGraph {

    private PlanGraph() {
    }

    public static String dot(Plan plan) {
        StringBuilder out = new StringBuilder("digraph plan {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n");
        for (Task task : plan.tasks()) {
            out.append("  \"").append(task.id()).append("\" [label=\"").append(task.id()).append('"');
            if (task.failable()) {
                out.append(", style=dashed");
            }
            out.append("];\n");
        }
        for (Task task : plan.tasks()) {
            for (String dep : task.dependsOn()) {
                out.append("  \"").append(dep).append("\" -> \"").append(task.id()).append("\";\n");
            }
        }
        return out.append("}\n").toString();
    }

    public static String mermaid(Plan plan) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Task task : plan.tasks()) {
            out.append("  ").append(node(task.id())).append("[\"").append(task.id()).append("\"]\n");
        }
        for (Task task : plan.tasks()) {
            for (String dep : task.dependsOn()) {
                out.append("  ").append(node(dep)).append(" --> ").append(node(task.id())).append('\n');
            }
        }
        return out.toString();
    }

    /** Mermaid node ids allow letters, digits and underscores only. */
    private static String node(String id) {
        return "t_" + id.replaceAll("[^A-Za-z0-9]", "_");
    }
}
