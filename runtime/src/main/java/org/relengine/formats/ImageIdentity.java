package org.relengine.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What productmd tells one image from another by, besides the arch and disc number that the file
 * gives: {@code subvariant}, {@code type}, {@code format} and, for a disc that carries several variants,
 * {@code additional_variants} (which makes it {@code unified}). productmd refuses two images of a compose
 * that agree on all of them (UNIQUE_IMAGE_ATTRIBUTES in productmd/images.py).
 *
 * <p>In a plan it is one parameter value, {@code subvariant=GenericCloud-Base type=qcow2 format=qcow2},
 * so that a reviewer reads what images.json will say of the file.
 */
public record ImageIdentity(String subvariant, String type, String format, List<String> additionalVariants) {

    public ImageIdentity {
        additionalVariants = List.copyOf(additionalVariants);
    }

    public ImageIdentity(String subvariant, String type, String format) {
        this(subvariant, type, format, List.of());
    }

    public boolean unified() {
        return !additionalVariants.isEmpty();
    }

    public String param() {
        String text = "subvariant=" + subvariant + " type=" + type + " format=" + format;
        return unified() ? text + " additional_variants=" + String.join(",", additionalVariants) : text;
    }

    public static ImageIdentity parse(String param) {
        Map<String, String> fields = new TreeMap<>();
        // a value may hold spaces (a live image's name): a field starts only where a known key does
        for (String field : param.split(" (?=(subvariant|type|format|additional_variants)=)")) {
            int equals = field.indexOf('=');
            fields.put(field.substring(0, equals), field.substring(equals + 1));
        }
        String additional = fields.getOrDefault("additional_variants", "");
        return new ImageIdentity(fields.get("subvariant"), fields.get("type"), fields.get("format"),
                additional.isEmpty() ? List.of() : new ArrayList<>(List.of(additional.split(","))));
    }
}
