package org.relengine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.model.Executor;
import org.relengine.model.Step;

/**
 * Reads the tasks back from a plan's JSON ({@code relengine.plan/1}, as {@link PlanJson} writes it), so
 * that a compose's own copy of its plan ({@code work/plan.json}) answers questions about it without the
 * recipe: {@code relengine status} and {@code relengine explain}. Reading and writing again gives the same
 * JSON, task by task.
 */
public final class PlanReader {

    private PlanReader() {
    }

    /** The plan as far as tasks and targets go; its options are not kept in the JSON and are null. */
    public static Plan plan(JsonNode root) {
        JsonNode compose = root.path("compose");
        Map<String, String> targets = new LinkedHashMap<>();
        root.path("targets").fields().forEachRemaining(f -> targets.put(f.getKey(), f.getValue().asText()));
        List<String> files = new ArrayList<>();
        root.path("recipe").path("files").forEach(f -> files.add(f.asText()));
        Scope scope = Scope.valueOf(compose.path("scope").asText("all").toUpperCase(java.util.Locale.ROOT));
        List<Task> tasks = new ArrayList<>();
        root.path("tasks").forEach(t -> tasks.add(task(t)));
        return new Plan(root.path("recipe").path("file").asText(), files, compose.path("id").asText(),
                compose.path("dir").asText(), compose.path("full").asBoolean(), scope, null, targets, tasks,
                strings(root.path("fingerprints").path("content")));
    }

    public static Task task(JsonNode node) {
        List<Action> actions = new ArrayList<>();
        node.path("actions").forEach(a -> actions.add(action(a)));
        return new Task(node.path("id").asText(), kind(node.path("kind").asText()), text(node, "repo"),
                text(node, "arch"), strings(node.path("dependsOn")), strings(node.path("inputs")),
                strings(node.path("outputs")), executor(node.path("executor").asText()),
                node.path("failable").asBoolean(), actions, retry(node.path("retry")));
    }

    /** A task without {@code retry} is tried once. */
    private static Step.Retry retry(JsonNode node) {
        if (node.isMissingNode()) {
            return Step.Retry.NONE;
        }
        return new Step.Retry(node.path("attempts").asInt(1) - 1, Duration.ofSeconds(node.path("delaySeconds").asLong()));
    }

    private static Action action(JsonNode node) {
        String type = node.path("type").asText();
        return switch (type) {
            case "exec" -> new Action.Exec(strings(node.path("argv")), text(node, "stdout"));
            case "mkdir" -> new Action.MakeDirectory(node.path("path").asText());
            case "write" -> new Action.WriteFile(node.path("path").asText(), text(node, "producer"),
                    text(node, "content"), map(node.path("params")));
            case "symlink" -> new Action.Symlink(node.path("link").asText(), node.path("target").asText());
            case "internal" -> new Action.Internal(node.path("operation").asText(), node.path("description").asText(),
                    strings(node.path("paths")), map(node.path("params")));
            case "probe" -> new Action.Probe(node.path("operation").asText(), node.path("description").asText(),
                    map(node.path("params")));
            default -> throw new IllegalArgumentException("unknown action type `" + type + "`");
        };
    }

    private static TaskKind kind(String word) {
        return Arrays.stream(TaskKind.values()).filter(k -> k.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task kind `" + word + "`"));
    }

    private static Executor executor(String word) {
        return Arrays.stream(Executor.values()).filter(e -> e.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown executor `" + word + "`"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
        return values;
    }
}
