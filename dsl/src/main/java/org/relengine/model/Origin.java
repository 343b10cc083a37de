package org.relengine.model;

import java.util.List;
import java.util.Map;

/**
 * The source positions of one declaration: the keyword itself, each option's value, and each element
 * of list-valued options. Lets validation name the exact element that is wrong
 * (the second arch of a list, say) without the model's values carrying positions themselves.
 */
public record Origin(Position at, Map<String, Position> options, Map<String, List<Position>> elements) {

    public static Origin of(Position at) {
        return new Origin(at, Map.of(), Map.of());
    }

    /** Position of an option's value, or of the declaration when the option was not written. */
    public Position option(String name) {
        return options.getOrDefault(name, at);
    }

    /** Position of the i-th element of a list-valued option (or of a positional argument list). */
    public Position element(String name, int index) {
        List<Position> list = elements.get(name);
        if (list == null || index >= list.size()) {
            return option(name);
        }
        return list.get(index);
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }
}
