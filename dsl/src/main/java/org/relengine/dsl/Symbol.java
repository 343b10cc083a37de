package org.relengine.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The vocabulary words a recipe may use as values without quotes ({@code source peridot},
 * {@code on: podman}, {@code arches: all}). Each belongs to the value type it can stand for.
 */
public enum Symbol {
    PERIDOT("peridot", ValueType.SOURCE),
    MIRROR("mirror", ValueType.SOURCE),
    YUM("yum", ValueType.SOURCE),
    LOCAL("local", ValueType.EXECUTOR),
    PODMAN("podman", ValueType.EXECUTOR),
    MOCK("mock", ValueType.EXECUTOR),
    KUBERNETES("kubernetes", ValueType.EXECUTOR),
    NATIVE("native", ValueType.ENGINE),
    DNF("dnf", ValueType.ENGINE),
    STABLE("stable", ValueType.CHANNEL),
    BETA("beta", ValueType.CHANNEL),
    LOOKAHEAD("lookahead", ValueType.CHANNEL),
    ALL("all", ValueType.ARCHES);

    private final String word;
    private final ValueType type;

    Symbol(String word, ValueType type) {
        this.word = word;
        this.type = type;
    }

    public String word() {
        return word;
    }

    public ValueType type() {
        return type;
    }

    public static Optional<Symbol> byWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    public static List<String> wordsOf(ValueType type) {
        return Arrays.stream(values()).filter(s -> s.type == type).map(Symbol::word).toList();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Symbol::word).toList();
    }
}
