package org.relengine.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Diagnostics as JSON objects for CI and editors; the schema is documented in docs/cli.md. */
public final class JsonRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRenderer() {
    }

    public static ArrayNode render(List<Diagnostic> diagnostics) {
        ArrayNode array = JSON.createArrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode node = array.addObject();
            node.put("severity", d.severity().word());
            node.put("code", d.code());
            node.put("file", d.at().file());
            node.put("line", d.at().line());
            node.put("column", d.at().column());
            node.put("length", d.length());
            node.put("message", d.message());
            if (d.hint() == null) {
                node.putNull("hint");
            } else {
                node.put("hint", d.hint());
            }
            ArrayNode related = node.putArray("related");
            for (Related r : d.related()) {
                ObjectNode rel = related.addObject();
                rel.put("file", r.at().file());
                rel.put("line", r.at().line());
                rel.put("column", r.at().column());
                rel.put("message", r.message());
            }
        }
        return array;
    }
}
