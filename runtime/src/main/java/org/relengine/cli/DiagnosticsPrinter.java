package org.relengine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.relengine.compile.Recipes;
import org.relengine.validate.JsonRenderer;
import org.relengine.validate.TextRenderer;

/** Prints the diagnostics of loaded recipes: code frames for people, one JSON document for CI. */
final class DiagnosticsPrinter {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnosticsPrinter() {
    }

    /**
     * Code frames show the texts of {@link Recipes.Result#sources()} only: what the reader read as recipes in this
     * process, each file through {@code RecipeFile} (a regular *.groovy file, after its links, of bounded size).
     * No file is read here for a frame, so a diagnostic that names any other file (a refused include, a plan's
     * recipe that is no recipe) shows its message without one.
     */
    static void text(String file, Recipes.Result result, PrintWriter out) {
        TextRenderer renderer = new TextRenderer(result.sources(), Terminal.colour());
        if (!result.diagnostics().isEmpty()) {
            out.print(renderer.render(result.diagnostics().all()));
        }
        out.println(TextRenderer.summary(file, result.diagnostics()));
        out.flush();
    }

    /** {"files": [{"file", "ok", "errors", "warnings", "diagnostics": […]}]}. */
    static ObjectNode json(List<String> files, List<Recipes.Result> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "relengine.diagnostics/1");
        ArrayNode array = root.putArray("files");
        for (int i = 0; i < files.size(); i++) {
            Recipes.Result result = results.get(i);
            ObjectNode node = array.addObject();
            node.put("file", files.get(i));
            node.put("ok", !result.diagnostics().hasErrors());
            node.put("errors", result.diagnostics().errorCount());
            node.put("warnings", result.diagnostics().warningCount());
            node.set("diagnostics", JsonRenderer.render(result.diagnostics().all()));
        }
        return root;
    }

    static void print(ObjectNode node, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
