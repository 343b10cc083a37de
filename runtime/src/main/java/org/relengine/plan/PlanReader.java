package org.relengine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.relengine.compile.RecipeFile;
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
 * JSON, task by task. Every kind, producer and operation it names is resolved against what this version of
 * relengine knows ({@link Vocabulary}); a plan naming anything else is refused with a {@link PlanException}.
 */
public final class PlanReader {

    /**
     * A plan file is read whole, by the rules of a recipe file: a regular file only (a FIFO would block the read for
     * ever, {@code /dev/zero} never ends), of at most 64 MiB. The plan of the whole Rocky 9 recipe is about 1 MB of
     * JSON, growing with the number of repos and arches; 64 times that leaves room for far larger distributions,
     * while a file past it is not a plan and would take the heap's worth of memory to parse.
     */
    public static final RecipeFile.Kind FILE = new RecipeFile.Kind("a plan", 64 << 20,
            "name the plan file in it, as written by `relengine plan --out`",
            "check that this is the plan meant; the plan of a whole distribution is about a megabyte");

    private PlanReader() {
    }

    /** The plan as far as tasks and targets go; its options are not kept in the JSON and are null. */
    public static Plan plan(JsonNode root, Vocabulary vocabulary) {
        JsonNode compose = root.path("compose");
        Map<String, String> targets = new LinkedHashMap<>();
        root.path("targets").fields().forEachRemaining(f -> targets.put(f.getKey(), f.getValue().asText()));
        List<String> files = new ArrayList<>();
        root.path("recipe").path("files").forEach(f -> files.add(f.asText()));
        Scope scope = Scope.valueOf(compose.path("scope").asText("all").toUpperCase(java.util.Locale.ROOT));
        List<Task> tasks = new ArrayList<>();
        root.path("tasks").forEach(t -> tasks.add(task(t, vocabulary)));
        return new Plan(root.path("recipe").path("file").asText(), files, compose.path("id").asText(),
                compose.path("dir").asText(), compose.path("full").asBoolean(), scope, null, targets, tasks,
                strings(root.path("fingerprints").path("content")), ExecutorJson.read(root.path("executors")));
    }

    public static Task task(JsonNode node, Vocabulary vocabulary) {
        List<Action> actions = new ArrayList<>();
        String id = node.path("id").asText();
        node.path("actions").forEach(a -> actions.add(action(a, id, vocabulary)));
        return new Task(id, kind(node.path("kind").asText(), id, vocabulary), text(node, "repo"),
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

    private static Action action(JsonNode node, String task, Vocabulary vocabulary) {
        String type = node.path("type").asText();
        return switch (type) {
            case "exec" -> new Action.Exec(strings(node.path("argv")), text(node, "stdout"));
            case "mkdir" -> new Action.MakeDirectory(node.path("path").asText());
            case "write" -> new Action.WriteFile(node.path("path").asText(), producer(node, task, vocabulary),
                    text(node, "content"), map(node.path("params")));
            case "symlink" -> new Action.Symlink(node.path("link").asText(), node.path("target").asText());
            case "internal" -> new Action.Internal(operation(node, task, vocabulary), node.path("description").asText(),
                    strings(node.path("paths")), map(node.path("params")));
            case "probe" -> new Action.Probe(operation(node, task, vocabulary), node.path("description").asText(),
                    map(node.path("params")));
            default -> throw new PlanException("task " + task + " has an action of type `" + type + "`, which this "
                    + "version of relengine does not know", PLANNED_ELSEWHERE);
        };
    }

    private static final String PLANNED_ELSEWHERE = "was the plan made by another version of relengine? plan again "
            + "with this one";

    private static TaskKind kind(String word, String task, Vocabulary vocabulary) {
        return vocabulary.kind(word).orElseThrow(() -> new PlanException("task " + task + " is of the kind `" + word
                + "`, which this version of relengine does not know", PLANNED_ELSEWHERE));
    }

    /** A file whose content the plan holds needs no producer: its description names it. */
    private static ProducerKey producer(JsonNode node, String task, Vocabulary vocabulary) {
        String description = text(node, "producer");
        if (text(node, "content") != null) {
            return ProducerKey.described(description);
        }
        return vocabulary.producer(description).orElseThrow(() -> new PlanException("task " + task + " writes "
                + node.path("path").asText() + " with `" + description + "`, which this version of relengine does not "
                + "know", PLANNED_ELSEWHERE));
    }

    private static OperationKey operation(JsonNode node, String task, Vocabulary vocabulary) {
        String name = node.path("operation").asText();
        return vocabulary.operation(name).orElseThrow(() -> new PlanException("task " + task + " performs `" + name
                + "`, which this version of relengine does not know", PLANNED_ELSEWHERE));
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
