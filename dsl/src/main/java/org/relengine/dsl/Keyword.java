package org.relengine.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One keyword of the recipe language with everything the parser checks: how many positional arguments
 * it takes and of what type, its named options, and the keywords allowed in its block.
 */
public record Keyword(String name, int minArgs, int maxArgs, ValueType argType, String argName,
                      Map<String, OptionSpec> options, Map<String, String> aliases, List<Keyword> block,
                      Identity identity, String doc, String example) {

    /** The option {@code name} stands for: itself, or the option it is another word for ({@code mode} → {@code on}). */
    public String canonical(String name) {
        return aliases.getOrDefault(name, name);
    }

    /** Every word an option may be written with: the options and their aliases. */
    public java.util.Set<String> optionWords() {
        java.util.Set<String> words = new java.util.LinkedHashSet<>(options.keySet());
        words.addAll(aliases.keySet());
        return words;
    }

    public boolean hasBlock() {
        return block != null;
    }

    public Keyword keyword(String name) {
        return block == null ? null : block.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> keywordNames() {
        return block == null ? List.of() : block.stream().map(Keyword::name).toList();
    }

    static Builder declare(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private int minArgs;
        private int maxArgs;
        private ValueType argType = ValueType.STRING;
        private String argName = "";
        private final Map<String, OptionSpec> options = new LinkedHashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private List<Keyword> block;
        private Identity identity = Identity.SINGLE;
        private String doc = "";
        private String example = "";

        private Builder(String name) {
            this.name = name;
        }

        Builder args(int min, int max, ValueType type, String argName) {
            this.minArgs = min;
            this.maxArgs = max;
            this.argType = type;
            this.argName = argName;
            return this;
        }

        Builder named(ValueType type, String argName) {
            this.identity = Identity.NAMED;
            return args(1, 1, type, argName);
        }

        Builder option(String option, ValueType type, String optionDoc) {
            options.put(option, new OptionSpec(option, type, optionDoc));
            return this;
        }

        /** Another word for an option already declared: the same option, and both at once is an error. */
        Builder alias(String alias, String option) {
            if (!options.containsKey(option)) {
                throw new IllegalStateException(name + ": alias `" + alias + "` of undeclared option `" + option + "`");
            }
            aliases.put(alias, option);
            return this;
        }

        Builder block(Keyword... keywords) {
            this.block = List.of(keywords);
            return this;
        }

        Builder directive() {
            this.identity = Identity.DIRECTIVE;
            return this;
        }

        Builder doc(String text, String sample) {
            this.doc = text;
            this.example = sample;
            return this;
        }

        Keyword build() {
            return new Keyword(name, minArgs, maxArgs, argType, argName,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options)),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aliases)), block, identity, doc, example);
        }
    }
}
