package org.relengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.relengine.compile.RecipeReader;
import org.relengine.compile.Recipes;
import org.relengine.diff.Difference;
import org.relengine.diff.JsonPaths;
import org.relengine.git.RecipeRevisions;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanException;
import org.relengine.plan.PlanJson;
import org.relengine.plan.PlanOptions;
import org.relengine.steps.StepRegistry;
import org.relengine.plan.RecipeOverrides;
import org.relengine.plan.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two recipes, or a recipe with itself at a git revision: what changed in the model "
                + "and in the plan.", "",
            "  relengine diff recipes/rocky9.groovy@HEAD~1 recipes/rocky9.groovy"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no difference", "1:a recipe has errors or cannot be read", "2:there are differences"})
final class DiffCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "A recipe file, or FILE@REVISION (read with git).")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "A recipe file, or FILE@REVISION.")
    String after;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Mixin
    PlanningOptions planning;

    {
        planning = new PlanningOptions();
        planning.command = "diff";
    }

    /** One side of the comparison: the recipe, how it is read, and its model and plan. */
    private record Side(String label, Recipes.Result loaded, Plan plan) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlanOptions options;
        try {
            options = planning.toOptions(planning.dateStamp == null ? "00000000.000000" : planning.dateStamp);
        } catch (PlanningOptions.UsageException e) {
            err.println("relengine: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Side old = side(before, options, err);
        Side now = side(after, options, err);
        if (old == null || now == null) {
            return ExitCode.ERRORS;
        }
        Difference model = Difference.between(modelPaths(old), modelPaths(now));
        Map<String, Task> oldTasks = tasks(old.plan());
        Map<String, Task> newTasks = tasks(now.plan());
        List<String> added = newTasks.keySet().stream().filter(id -> !oldTasks.containsKey(id)).toList();
        List<String> removed = oldTasks.keySet().stream().filter(id -> !newTasks.containsKey(id)).toList();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Task> entry : newTasks.entrySet()) {
            Task previous = oldTasks.get(entry.getKey());
            if (previous != null) {
                Difference d = Difference.between(JsonPaths.of(taskNode(previous)), JsonPaths.of(taskNode(entry.getValue())));
                if (!d.isEmpty()) {
                    changed.put(entry.getKey(), fields(d));
                }
            }
        }
        if (format == OutputFormat.json) {
            print(out, json(old, now, model, added, removed, changed));
        } else {
            text(out, old, now, model, added, removed, changed);
        }
        boolean same = model.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        return same ? ExitCode.OK : ExitCode.TASKS_TO_RUN;
    }

    private Side side(String operand, PlanOptions options, PrintWriter err) {
        Path file;
        RecipeReader reader;
        String label = operand;
        int at = operand.lastIndexOf('@');
        if (Files.exists(Path.of(operand)) || at <= 0) {
            file = Path.of(operand);
            reader = RecipeReader.FILES;
        } else {
            file = Path.of(operand.substring(0, at));
            String revision = operand.substring(at + 1);
            reader = path -> RecipeRevisions.read(path, revision).text();
            try {
                label = operand + " (" + RecipeRevisions.read(file, revision).commit().substring(0, 12) + ")";
            } catch (org.relengine.compile.RecipeFile.Refused e) {
                err.println("relengine: cannot read " + operand + ": " + e.reason());
                err.println("  hint: " + e.hint());
                return null;
            } catch (IOException e) {
                err.println("relengine: cannot read " + operand + ": " + e.getMessage());
                return null;
            }
        }
        Recipes.Result loaded = Recipes.load(file, reader);
        if (!loaded.ok()) {
            DiagnosticsPrinter.text(operand, loaded, err);
            return null;
        }
        try {
            Plan plan = StepRegistry.plan(RecipeOverrides.apply(loaded.recipe(), planning.root, planning.source),
                    options);
            return new Side(label, loaded, plan);
        } catch (PlanException e) {
            err.println("relengine: " + operand + ": " + e.getMessage());
            return null;
        }
    }

    private static Map<String, String> modelPaths(Side side) throws IOException {
        ObjectNode model = (ObjectNode) JSON.readTree(ModelJson.render(side.loaded().recipe()));
        model.remove("files");
        return JsonPaths.of(model);
    }

    private static Map<String, Task> tasks(Plan plan) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        plan.tasks().forEach(t -> tasks.put(t.id(), t));
        return tasks;
    }

    private static JsonNode taskNode(Task task) {
        return PlanJson.taskTree(task);
    }

    /** The top-level fields of a task that differ: {@code commands}, {@code dependsOn}… */
    private static List<String> fields(Difference d) {
        List<String> fields = new ArrayList<>();
        List<String> paths = new ArrayList<>(d.added().keySet());
        paths.addAll(d.removed().keySet());
        paths.addAll(d.changed().keySet());
        for (String path : paths) {
            String field = path.split("[.\\[]", 2)[0];
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static void text(PrintWriter out, Side old, Side now, Difference model, List<String> added,
                             List<String> removed, Map<String, List<String>> changed) {
        out.println("relengine diff " + old.label() + " → " + now.label());
        List<String> lines = model.lines();
        out.println();
        out.println("Model: " + (lines.isEmpty() ? "no change" : lines.size() + " change" + (lines.size() == 1 ? "" : "s")));
        lines.forEach(l -> out.println("  " + l));
        out.println();
        out.printf("Plan: %d task%s added, %d removed, %d changed%n", added.size(), added.size() == 1 ? "" : "s",
                removed.size(), changed.size());
        removed.forEach(id -> out.println("  - " + id));
        added.forEach(id -> out.println("  + " + id));
        changed.forEach((id, fields) -> out.println("  ~ " + id + "  (" + String.join(", ", fields) + ")"));
        out.flush();
    }

    private static ObjectNode json(Side old, Side now, Difference model, List<String> added, List<String> removed,
                                   Map<String, List<String>> changed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "relengine.diff/1");
        root.put("old", old.label());
        root.put("new", now.label());
        ObjectNode m = root.putObject("model");
        m.set("added", JSON.valueToTree(model.added()));
        m.set("removed", JSON.valueToTree(model.removed()));
        ObjectNode c = m.putObject("changed");
        model.changed().forEach((k, v) -> {
            ObjectNode pair = c.putObject(k);
            pair.put("old", v[0]);
            pair.put("new", v[1]);
        });
        ObjectNode p = root.putObject("plan");
        p.set("added", JSON.valueToTree(added));
        p.set("removed", JSON.valueToTree(removed));
        ArrayNode changedTasks = p.putArray("changed");
        changed.forEach((id, fields) -> {
            ObjectNode task = changedTasks.addObject();
            task.put("id", id);
            task.set("fields", JSON.valueToTree(fields));
        });
        return root;
    }

    private static void print(PrintWriter out, ObjectNode node) throws IOException {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        out.flush();
    }
}
