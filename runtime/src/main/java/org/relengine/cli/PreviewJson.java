package org.relengine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.relengine.steps.publish.PublishPreview;

/** {@code run --dry-run --preview-json FILE}: every file each publish sync would change, as JSON. */
final class PreviewJson {

    /** A preview made by the dry run of one recipe. */
    record Previewed(String recipe, PublishPreview preview) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PreviewJson() {
    }

    static String render(List<Previewed> previews) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "relengine.preview/1");
        ArrayNode list = root.putArray("previews");
        for (Previewed previewed : previews) {
            PublishPreview preview = previewed.preview();
            ObjectNode node = list.addObject();
            node.put("recipe", previewed.recipe());
            node.put("task", preview.task());
            node.put("source", preview.source());
            node.put("target", preview.target());
            node.put("sourceExists", preview.sourceExists());
            ArrayNode entries = node.putArray("entries");
            for (PublishPreview.Entry entry : preview.entries()) {
                entries.addObject().put("path", entry.path()).put("change", entry.change().word())
                        .put("dir", entry.dir());
            }
            ObjectNode counts = node.putObject("counts");
            preview.counts().forEach((dir, c) -> counts.set(dir, counts(c)));
            node.set("total", counts(preview.total()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode counts(PublishPreview.Counts c) {
        return JSON.createObjectNode().put("new", c.added()).put("changed", c.changed()).put("deleted", c.deleted());
    }
}
