package org.relengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.relengine.compile.RecipeFile;
import org.relengine.plan.PlanReader;
import org.relengine.compile.Recipes;
import org.relengine.git.RecipeRevisions;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanJson;
import org.relengine.plan.PlanSource;
import org.relengine.plan.RecipeHash;

/**
 * A saved plan: the plan's JSON plus what it was made from (the recipe's hash and commit) and the
 * options that made it, so {@code apply} can prove nothing changed since.
 */
final class PlanFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static final RecipeFile.Kind KIND = PlanReader.FILE;

    private PlanFile() {
    }

    /** The recipe's hash; its commit only when asked (reading git costs start-up time). */
    static PlanSource source(Path recipe, Recipes.Result loaded, boolean withCommit) {
        String hash = RecipeHash.of(loaded.recipe().files(), loaded.sources());
        String commit = null;
        if (withCommit) {
            // the commit names the plan's source only if the recipe and every include are committed as they are
            var commits = loaded.recipe().files().stream().map(f -> RecipeRevisions.cleanCommit(Path.of(f)))
                    .distinct().toList();
            if (commits.size() == 1 && commits.get(0).isPresent()) {
                commit = commits.get(0).get();
            }
        }
        return new PlanSource(hash, commit);
    }

    static void write(Path file, Plan plan, PlanSource source, PlanningOptions planning) throws IOException {
        ObjectNode root = PlanJson.tree(plan, source);
        ObjectNode options = root.putObject("planning");
        options.put("update", planning.update);
        options.set("repos", JSON.valueToTree(planning.repos));
        options.set("arches", JSON.valueToTree(planning.arches));
        options.put("only", planning.only);
        options.put("skipDebug", planning.skipDebug);
        options.put("skipSource", planning.skipSource);
        options.put("image", planning.image);
        options.put("root", planning.root);
        // a plan file is passed around and reviewed: the URL's credentials are given again to `apply --source`
        options.put("source", org.relengine.secrets.Redaction.text(planning.source));
        options.put("dateStamp", planning.dateStamp);
        options.put("allowDeletions", planning.allowDeletions);
        options.put("executor", planning.executor);
        org.relengine.formats.AtomicFiles.write(file.toAbsolutePath(), JSON.writeValueAsString(root) + "\n");
    }

    /** A saved plan as read back. */
    record Saved(JsonNode json, Path recipe, String hash, PlanningOptions planning) {
    }

    static Saved read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(new String(RecipeFile.bytes(file, KIND), StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("it is not JSON (a plan is written by `relengine plan --out`)");
        }
        if (root == null || !Plan.SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException("it is not a relengine plan (schema " + Plan.SCHEMA + ")");
        }
        if (root.path("recipe").path("file").asText().isEmpty()) {
            throw new IOException("it names no recipe");
        }
        JsonNode options = root.path("planning");
        PlanningOptions planning = new PlanningOptions();
        planning.update = options.path("update").asBoolean();
        planning.repos = strings(options.path("repos"));
        planning.arches = strings(options.path("arches"));
        planning.only = text(options.path("only"));
        planning.skipDebug = options.path("skipDebug").asBoolean();
        planning.skipSource = options.path("skipSource").asBoolean();
        planning.image = text(options.path("image"));
        planning.root = text(options.path("root"));
        planning.source = text(options.path("source"));
        planning.dateStamp = text(options.path("dateStamp"));
        planning.allowDeletions = options.path("allowDeletions").isInt() ? options.path("allowDeletions").asInt() : null;
        planning.executor = text(options.path("executor"));
        return new Saved(root, Path.of(root.path("recipe").path("file").asText()),
                root.path("recipe").path("hash").asText(), planning);
    }

    /** The saved tasks, for comparison with a plan made now. */
    static JsonNode tasks(Plan plan, PlanSource source) {
        return PlanJson.tree(plan, source).path("tasks");
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
