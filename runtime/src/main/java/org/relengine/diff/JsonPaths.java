package org.relengine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as a map from readable paths to scalar values: {@code repos[RT].arches[1] = "aarch64"}.
 * Arrays of objects are keyed by their identifying field (name, type, step, id), so that inserting an
 * element shows as one addition, not as every later element changing.
 */
public final class JsonPaths {

    private static final List<String> IDENTITIES = List.of("id", "name", "type", "step", "kind");

    private JsonPaths() {
    }

    public static Map<String, String> of(JsonNode node) {
        Map<String, String> paths = new LinkedHashMap<>();
        walk("", node, paths);
        return paths;
    }

    private static void walk(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                into.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + key(node.get(i), i) + "]", node.get(i), into);
            }
        } else {
            into.put(path, node.isNull() ? "null" : node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static String key(JsonNode element, int index) {
        if (element.isObject()) {
            for (String field : IDENTITIES) {
                JsonNode id = element.get(field);
                if (id != null && id.isTextual()) {
                    String more = field.equals("step") && element.has("image") ? " " + element.get("image").asText() : "";
                    return id.asText() + more;
                }
            }
        }
        return String.valueOf(index);
    }
}
