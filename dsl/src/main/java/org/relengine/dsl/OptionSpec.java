package org.relengine.dsl;

/** A named option of a keyword: {@code hashed: true}. */
public record OptionSpec(String name, ValueType type, String doc) {
}
