package org.relengine.compile;

import java.util.List;
import java.util.Optional;
import org.relengine.dsl.Identity;
import org.relengine.dsl.Keyword;
import org.relengine.model.Position;

/**
 * One declaration of a recipe as written: its keyword, positional arguments, named options and block.
 * Already checked against the grammar, so every value has the type its keyword expects.
 */
public record Statement(Keyword keyword, Position at, List<Value> args, List<Option> options,
                        List<Statement> block) {

    /** A named option as written: {@code hashed: true}, with the position of its name. */
    public record Option(String name, Position at, Value value) {
    }

    public String name() {
        return keyword.name();
    }

    /**
     * What tells this declaration apart from others of its block; an including recipe overrides the
     * included declaration with the same key.
     */
    public String key() {
        if (keyword.identity() == Identity.NAMED && !args.isEmpty()) {
            return keyword.name() + " " + argText(0);
        }
        return keyword.name();
    }

    /** The key as the recipe author would write it, for messages: {@code repo 'BaseOS'}. */
    public String display() {
        if (keyword.identity() == Identity.NAMED && !args.isEmpty()) {
            Value first = args.get(0);
            String shown = first instanceof Value.Text t ? "'" + t.value() + "'" : argText(0);
            return "`" + keyword.name() + " " + shown + "`";
        }
        return "`" + keyword.name() + "`";
    }

    public String argText(int index) {
        Value v = args.get(index);
        if (v instanceof Value.Text t) {
            return t.value();
        }
        if (v instanceof Value.Word w) {
            return w.symbol().word();
        }
        return v.describe();
    }

    public Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** A map of strings, in the order written; {@code otherwise} when the option is not given. */
    public java.util.Map<String, String> texts(String option, java.util.Map<String, String> otherwise) {
        return option(option).map(o -> {
            java.util.Map<String, String> pairs = new java.util.LinkedHashMap<>();
            if (o.value() instanceof Value.Table table) {
                for (Value.Entry entry : table.entries()) {
                    if (entry.value() instanceof Value.Text t) {
                        pairs.put(entry.key(), t.value());
                    }
                }
            }
            return java.util.Collections.unmodifiableMap(pairs);
        }).orElse(otherwise);
    }

    public String text(String option, String otherwise) {
        return option(option).map(o -> o.value() instanceof Value.Text t ? t.value() : otherwise).orElse(otherwise);
    }

    public boolean flag(String option, boolean otherwise) {
        return option(option).map(o -> o.value() instanceof Value.Flag f ? f.value() : otherwise).orElse(otherwise);
    }

    public int whole(String option, int otherwise) {
        return option(option).map(o -> o.value() instanceof Value.Number n ? n.value().intValue() : otherwise)
                .orElse(otherwise);
    }

    /** A list option's strings; {@code otherwise} when absent or not a list (e.g. {@code all}). */
    public List<String> strings(String option, List<String> otherwise) {
        return option(option).map(o -> o.value() instanceof Value.Seq seq ? texts(seq) : otherwise).orElse(otherwise);
    }

    public Optional<org.relengine.dsl.Symbol> symbol(String option) {
        return option(option).map(Option::value).filter(Value.Word.class::isInstance)
                .map(v -> ((Value.Word) v).symbol());
    }

    /** The positional arguments as strings. */
    public List<String> argTexts() {
        return args.stream().filter(Value.Text.class::isInstance).map(v -> ((Value.Text) v).value()).toList();
    }

    static List<String> texts(Value.Seq seq) {
        return seq.items().stream().filter(Value.Text.class::isInstance).map(v -> ((Value.Text) v).value()).toList();
    }

    /** Where this declaration, each option value and each list element was written. */
    public org.relengine.model.Origin origin() {
        java.util.Map<String, Position> positions = new java.util.HashMap<>();
        java.util.Map<String, List<Position>> elements = new java.util.HashMap<>();
        for (Option option : options) {
            positions.put(option.name(), option.value().at());
            if (option.value() instanceof Value.Seq seq) {
                elements.put(option.name(), seq.items().stream().map(Value::at).toList());
            } else if (option.value() instanceof Value.Table table) {
                elements.put(option.name(), table.entries().stream().map(Value.Entry::keyAt).toList());
            }
        }
        if (!args.isEmpty()) {
            positions.put(ARGS, args.get(0).at());
            elements.put(ARGS, args.stream().map(Value::at).toList());
        }
        return new org.relengine.model.Origin(at, java.util.Map.copyOf(positions), java.util.Map.copyOf(elements));
    }

    /** The key under which {@link #origin()} keeps the positions of the positional arguments. */
    public static final String ARGS = "";
}
