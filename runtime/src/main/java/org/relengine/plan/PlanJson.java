package org.relengine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relengine.secrets.Redaction;

/**
 * The plan as JSON, schema {@code relengine.plan/1} (docs/cli.md). Tasks in plan order, every map with
 * sorted keys, so the same plan always gives the same bytes. What it gives is shown and kept (plan files, a
 * compose's {@code work/plan.json}), so every secret in it is hidden ({@link Redaction}); only
 * {@link #secrets(Task)} sees them, for a task's hash.
 */
public final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PlanJson() {
    }

    public static ObjectNode tree(Plan plan, PlanSource source) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", Plan.SCHEMA);
        ObjectNode recipe = root.putObject("recipe");
        recipe.put("file", plan.recipeFile());
        recipe.set("files", JSON.valueToTree(plan.files()));
        if (source != null) {
            recipe.put("hash", source.hash());
            recipe.put("commit", source.commit());
        }
        ObjectNode compose = root.putObject("compose");
        compose.put("id", plan.composeId());
        compose.put("dir", plan.composeDir());
        compose.put("full", plan.full());
        compose.put("scope", plan.scope().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode selection = root.putObject("selection");
        selection.set("repos", JSON.valueToTree(plan.options().repos()));
        selection.set("arches", JSON.valueToTree(plan.options().arches()));
        selection.put("debug", plan.options().debug());
        selection.put("source", plan.options().source());
        selection.put("image", plan.options().image());
        root.set("targets", JSON.valueToTree(new TreeMap<>(plan.targets())));
        if (!plan.hashedByContent().isEmpty()) {
            root.putObject("fingerprints").set("content", JSON.valueToTree(plan.hashedByContent()));
        }
        ExecutorJson.write(plan, root);
        Map<String, Integer> counts = new TreeMap<>();
        plan.tasks().forEach(t -> counts.merge(t.kind().word(), 1, Integer::sum));
        ObjectNode summary = root.putObject("summary");
        summary.put("tasks", plan.tasks().size());
        summary.set("byKind", JSON.valueToTree(counts));
        ArrayNode tasks = root.putArray("tasks");
        for (Task task : plan.tasks()) {
            tasks.add(rawTaskTree(task));
        }
        redact(root);
        return root;
    }

    /** One task as the plan's JSON has it, secrets hidden. */
    public static ObjectNode taskTree(Task task) {
        ObjectNode node = rawTaskTree(task);
        redact(node);
        return node;
    }

    /** The secrets the task holds (in its URLs, in the files it writes), as written, in the order they appear. */
    public static List<String> secrets(Task task) {
        List<String> found = new ArrayList<>();
        collect(rawTaskTree(task), found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isTextual()) {
            found.addAll(Redaction.secretsIn(node.asText()));
        }
        node.forEach(child -> collect(child, found));
    }

    /** Every text in the tree with its secrets hidden. */
    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.put(name, Redaction.text(child.asText()));
                } else {
                    redact(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, array.textNode(Redaction.text(array.get(i).asText())));
                } else {
                    redact(array.get(i));
                }
            }
        }
    }

    private static ObjectNode rawTaskTree(Task task) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", task.id());
        node.put("kind", task.kind().word());
        node.put("stage", task.kind().stage());
        node.put("repo", task.repo());
        node.put("arch", task.arch());
        node.set("dependsOn", JSON.valueToTree(task.dependsOn()));
        node.set("inputs", JSON.valueToTree(task.inputs()));
        node.set("outputs", JSON.valueToTree(task.outputs()));
        node.put("executor", task.executor().word());
        node.put("failable", task.failable());
        if (task.retry().retries() > 0) {
            // only when the recipe asks for it: the plans of recipes without retries stay as they were
            ObjectNode retry = node.putObject("retry");
            retry.put("attempts", task.retry().attempts());
            retry.put("delaySeconds", task.retry().delay().toSeconds());
        }
        node.set("commands", JSON.valueToTree(task.commands()));
        ArrayNode actions = node.putArray("actions");
        for (Action action : task.actions()) {
            actions.add(action(action));
        }
        return node;
    }

    private static ObjectNode action(Action action) {
        ObjectNode node = JSON.createObjectNode();
        return action.accept(new Action.Visitor<>() {
            @Override
            public ObjectNode exec(Action.Exec exec) {
                node.put("type", "exec");
                node.set("argv", JSON.valueToTree(exec.argv()));
                if (exec.stdout() != null) {
                    node.put("stdout", exec.stdout());
                }
                return node;
            }

            @Override
            public ObjectNode makeDirectory(Action.MakeDirectory dir) {
                node.put("type", "mkdir");
                node.put("path", dir.path());
                return node;
            }

            @Override
            public ObjectNode writeFile(Action.WriteFile write) {
                node.put("type", "write");
                node.put("path", write.path());
                node.put("producer", write.producer().description());
                node.put("content", write.content());
                node.set("params", JSON.valueToTree(write.params()));
                return node;
            }

            @Override
            public ObjectNode symlink(Action.Symlink link) {
                node.put("type", "symlink");
                node.put("link", link.link());
                node.put("target", link.target());
                return node;
            }

            @Override
            public ObjectNode internal(Action.Internal internal) {
                node.put("type", "internal");
                node.put("operation", internal.operation().name());
                node.put("description", internal.description());
                node.set("paths", JSON.valueToTree(internal.paths()));
                node.set("params", JSON.valueToTree(internal.params()));
                return node;
            }

            @Override
            public ObjectNode probe(Action.Probe probe) {
                node.put("type", "probe");
                node.put("operation", probe.operation().name());
                node.put("description", probe.description());
                node.set("params", JSON.valueToTree(probe.params()));
                return node;
            }
        });
    }

    public static String render(Plan plan, PlanSource source) {
        try {
            return JSON.writeValueAsString(tree(plan, source)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
