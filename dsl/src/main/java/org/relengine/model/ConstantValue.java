package org.relengine.model;

/**
 * A constant of the recipe with the value every use of it got, for {@code show}: {@code core = ['BaseOS',
 * 'AppStream']}, defined in the file and at the line {@code at} names (an including recipe's own definition
 * when it replaces its include's).
 *
 * @param value a {@code String}, {@code Number}, {@code Boolean}, {@link Word}, or a {@code List} or {@code Map} of them
 */
public record ConstantValue(String name, Object value, Position at) {

    /** The value as a recipe would write it: {@code ['BaseOS', 'AppStream']}, {@code [x86_64: ['i686']]}. */
    public String written() {
        return written(value);
    }

    private static String written(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof java.util.List<?> list) {
            return "[" + String.join(", ", list.stream().map(ConstantValue::written).toList()) + "]";
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.isEmpty() ? "[:]" : "[" + String.join(", ", map.entrySet().stream()
                    .map(e -> e.getKey() + ": " + written(e.getValue())).toList()) + "]";
        }
        if (value instanceof Word word) {
            return word.word();
        }
        return String.valueOf(value);
    }

    /** A bare word of the language as a constant's value ({@code def where = podman}): written without quotes. */
    public record Word(String word) {
    }
}
