package org.relengine.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relengine.dsl.OptionSpec;
import org.relengine.model.ConstantValue;
import org.relengine.dsl.Symbol;
import org.relengine.dsl.ValueType;
import org.relengine.validate.Diagnostics;
import org.relengine.validate.Problem;
import org.relengine.validate.Suggestions;

/**
 * Gives every constant, release field, {@code +} and {@code "${…}"} of a merged recipe the value it stands for,
 * and checks the result against the type its keyword or option expects, as the reader checks values written out.
 *
 * <p>It runs once every file is read and merged, so that a constant an including recipe defines again is the one
 * every file sees, and {@code release.major} is the release the recipe ends up with. Nothing is run: the values
 * are computed from the syntax tree the reader kept, by the few rules below, and every element keeps the
 * position it was written at: an unknown arch in {@code core + ['aarch46']} is reported at {@code 'aarch46'}, one
 * inside {@code core} where {@code core} is defined.
 */
final class ConstantResolver {

    /** The fields of the release a recipe may read, each a string. */
    static final List<String> FIELDS = List.of("name", "short", "version", "major", "minor", "rc", "code");

    private final Map<String, Constant> constants;
    private final Statement release;
    private final Diagnostics out;
    private final Map<String, Optional<Value>> values = new HashMap<>();
    private final List<String> defining = new ArrayList<>();
    private boolean inRelease;

    private ConstantResolver(Map<String, Constant> constants, Statement release, Diagnostics out) {
        this.constants = constants;
        this.release = release;
        this.out = out;
    }

    /** The statements with every value in place, and each constant that has a value, in the order defined. */
    record Resolved(List<Statement> statements, List<ConstantValue> constants) {
    }

    /**
     * The statements with every value resolved; a value that cannot be is left out, after it is reported. Every
     * constant is evaluated, also one nothing uses, so that a mistake in it does not wait for its first use.
     */
    static Resolved resolve(List<Statement> statements, Map<String, Constant> constants, Diagnostics out) {
        Statement release = statements.stream().filter(s -> s.name().equals("release")).findFirst().orElse(null);
        ConstantResolver resolver = new ConstantResolver(constants, release, out);
        List<Statement> resolved = new ArrayList<>();
        for (Statement statement : statements) {
            resolver.inRelease = statement == release;
            resolved.add(resolver.statement(statement));
        }
        resolver.inRelease = false;
        List<ConstantValue> values = new ArrayList<>();
        for (Constant constant : constants.values()) {
            Value value = resolver.constant(new Value.Ref(constant.name(), constant.at(), constant.name().length()),
                    null);
            if (value != null) {
                values.add(new ConstantValue(constant.name(), plain(value), constant.at()));
            }
        }
        return new Resolved(List.copyOf(resolved), List.copyOf(values));
    }

    /** A resolved value as plain data: strings, numbers, booleans, lists and maps of them, bare words. */
    private static Object plain(Value value) {
        if (value instanceof Value.Text v) {
            return v.value();
        }
        if (value instanceof Value.Number v) {
            return v.value();
        }
        if (value instanceof Value.Flag v) {
            return v.value();
        }
        if (value instanceof Value.Seq v) {
            return v.items().stream().map(ConstantResolver::plain).toList();
        }
        if (value instanceof Value.Table v) {
            Map<String, Object> entries = new java.util.LinkedHashMap<>();
            v.entries().forEach(e -> entries.put(e.key(), plain(e.value())));
            return java.util.Collections.unmodifiableMap(entries);
        }
        return new ConstantValue.Word(((Value.Word) value).symbol().word());
    }

    private Statement statement(Statement statement) {
        List<Value> args = new ArrayList<>();
        for (Value arg : statement.args()) {
            Value value = checked(arg, statement.keyword().argType(), TypeCheck.argument(statement.keyword()));
            if (value != null) {
                args.add(value);
            }
        }
        List<Statement.Option> options = new ArrayList<>();
        for (Statement.Option option : statement.options()) {
            OptionSpec spec = statement.keyword().options().get(option.name());
            Value value = checked(option.value(), spec.type(), TypeCheck.option(statement.keyword(), option.name()));
            if (value != null) {
                options.add(new Statement.Option(option.name(), option.at(), value));
            }
        }
        List<Statement> block = statement.block().stream().map(this::statement).toList();
        return new Statement(statement.keyword(), statement.at(), List.copyOf(args), List.copyOf(options), block);
    }

    /** The value, resolved and type-checked; a constant of the wrong type is reported where it is used. */
    private Value checked(Value written, ValueType expected, String subject) {
        if (Value.literal(written)) {
            return written;
        }
        Value value = resolve(written, expected);
        if (value == null) {
            return null;
        }
        Value shown = written instanceof Value.Ref ? value.placed(written.at(), written.length()) : value;
        return TypeCheck.check(shown, expected, subject, out) ? value : null;
    }

    private Value resolve(Value value, ValueType expected) {
        if (value instanceof Value.Seq seq) {
            List<Value> items = new ArrayList<>();
            for (Value item : seq.items()) {
                Value resolved = resolve(item, TypeCheck.elementType(expected));
                if (resolved == null) {
                    return null;
                }
                items.add(resolved);
            }
            return new Value.Seq(List.copyOf(items), seq.at(), seq.length());
        }
        if (value instanceof Value.Table table) {
            List<Value.Entry> entries = new ArrayList<>();
            for (Value.Entry entry : table.entries()) {
                Value resolved = resolve(entry.value(), ValueType.STRINGS);
                if (resolved == null) {
                    return null;
                }
                entries.add(new Value.Entry(entry.key(), entry.keyAt(), resolved));
            }
            return new Value.Table(List.copyOf(entries), table.at(), table.length());
        }
        if (value instanceof Value.Ref ref) {
            return constant(ref, expected);
        }
        if (value instanceof Value.Field field) {
            return field(field);
        }
        if (value instanceof Value.Plus plus) {
            return plus(plus, expected);
        }
        if (value instanceof Value.Template template) {
            return template(template);
        }
        return value;
    }

    private Value constant(Value.Ref ref, ValueType expected) {
        String name = ref.name();
        Constant constant = constants.get(name);
        if (constant == null) {
            unknown(ref, expected);
            return null;
        }
        if (constant.value() == null) {
            return null; // its definition was reported
        }
        Optional<Value> known = values.get(name);
        if (known != null) {
            return known.orElse(null);
        }
        if (defining.contains(name)) {
            List<String> chain = new ArrayList<>(defining.subList(defining.indexOf(name), defining.size()));
            chain.add(name);
            out.error(Problem.CONSTANT_CYCLE, constant.at(), name.length(), "give one of them its value",
                    name, String.join(" → ", chain));
            return null;
        }
        defining.add(name);
        Value value = resolve(constant.value(), null);
        defining.remove(defining.size() - 1);
        values.put(name, Optional.ofNullable(value));
        return value;
    }

    private void unknown(Value.Ref ref, ValueType expected) {
        String name = ref.name();
        List<String> words = expected == null ? List.of() : Symbol.wordsOf(expected);
        List<String> candidates = new ArrayList<>(constants.keySet());
        candidates.addAll(words.isEmpty() ? Symbol.words() : words);
        String hint = Suggestions.didYouMean(name, candidates);
        if (hint == null && name.equals("release")) {
            hint = "the release's fields are read one by one: release." + String.join(", release.", FIELDS);
        } else if (hint == null) {
            hint = words.isEmpty() ? "strings are written in quotes: '" + name + "'"
                    : "expected " + expected.description();
        }
        out.error(Problem.UNKNOWN_NAME, ref.at(), ref.length(), hint, name);
    }

    private Value field(Value.Field field) {
        String name = field.name();
        if (!FIELDS.contains(name)) {
            String hint = Suggestions.didYouMean(name, FIELDS);
            out.error(Problem.UNKNOWN_FIELD, field.at(), field.length(),
                    hint != null ? hint : "its fields: " + String.join(", ", FIELDS), name);
            return null;
        }
        if (inRelease) {
            out.error(Problem.FIELD_IN_RELEASE, field.at(), field.length(),
                    "write the value itself, or define a constant and use it in both places", name);
            return null;
        }
        if (release == null) {
            out.error(Problem.FIELD_MISSING, field.at(), field.length(), "declare it, e.g. release 'Rocky Linux', "
                    + "version: '9.7'", name, "the recipe declares no `release`");
            return null;
        }
        inRelease = true;
        try {
            String value = fieldValue(name, field);
            return value == null ? null : new Value.Text(value, field.at(), field.length());
        } finally {
            inRelease = false;
        }
    }

    /** The release's own value of a field, as {@link ModelBuilder} reads it; null after reporting when it has none. */
    private String fieldValue(String name, Value.Field field) {
        String option = switch (name) {
            case "major", "minor" -> "version";
            default -> name;
        };
        String written = name.equals("name") ? text(release.args().isEmpty() ? null : release.args().get(0))
                : release.option(option).map(o -> text(o.value())).orElse(null);
        if (name.equals("short") && written == null) {
            String product = release.args().isEmpty() ? null : text(release.args().get(0));
            written = product == null ? null : ModelBuilder.shortName(product);
        }
        if (written == null) {
            out.error(Problem.FIELD_MISSING, field.at(), field.length(), "declare it in `release`", name,
                    "the release declares no `" + (name.equals("name") ? "name" : option) + "`");
            return null;
        }
        if (option.equals("version") && !name.equals("version")) {
            if (!written.matches("\\d{1,4}\\.\\d{1,4}")) {
                // the version's own mistake, where it is written, as the validator would report it; once
                Value version = resolve(release.option("version").get().value(), ValueType.STRING);
                out.error(Problem.MALFORMED_VERSION, version.at(), version.length(), null, written);
                return null;
            }
            return written.substring(name.equals("major") ? 0 : written.indexOf('.') + 1,
                    name.equals("major") ? written.indexOf('.') : written.length());
        }
        return written;
    }

    /** A string of the release declaration; null when it is no string (the reader reported that). */
    private String text(Value value) {
        Value resolved = value == null ? null : resolve(value, ValueType.STRING);
        return resolved instanceof Value.Text t ? t.value() : null;
    }

    private Value plus(Value.Plus plus, ValueType expected) {
        Value left = resolve(plus.left(), expected);
        Value right = resolve(plus.right(), expected);
        if (left == null || right == null) {
            return null;
        }
        if (left instanceof Value.Seq a && right instanceof Value.Seq b) {
            List<Value> items = new ArrayList<>(a.items());
            items.addAll(b.items());
            return new Value.Seq(List.copyOf(items), plus.at(), plus.length());
        }
        if (left instanceof Value.Text a && right instanceof Value.Text b) {
            return new Value.Text(a.value() + b.value(), plus.at(), plus.length());
        }
        String hint = left instanceof Value.Seq && right instanceof Value.Text t ? "put the string in a list: ['"
                + t.value() + "']" : right instanceof Value.Seq && left instanceof Value.Text t
                ? "put the string in a list: ['" + t.value() + "']" : null;
        out.error(Problem.PLUS_TYPES, plus.at(), plus.length(), hint, left.describe(), right.describe());
        return null;
    }

    private Value template(Value.Template template) {
        StringBuilder text = new StringBuilder();
        boolean ok = true;
        for (Value part : template.parts()) {
            Value value = resolve(part, ValueType.STRING);
            if (value instanceof Value.Text t) {
                text.append(t.value());
            } else if (value instanceof Value.Number n) {
                text.append(n.value());
            } else if (value instanceof Value.Flag f) {
                text.append(f.value());
            } else {
                if (value != null) {
                    out.error(Problem.NOT_INTERPOLATED, part.at(), part.length(), "interpolate strings and numbers; "
                            + "a list is joined to another with `+`", part.describe() + " (" + value.describe() + ")");
                }
                ok = false;
            }
        }
        return ok ? new Value.Text(text.toString(), template.at(), template.length()) : null;
    }
}
