package org.relengine.compile;

import org.relengine.dsl.DurationText;
import org.relengine.dsl.Symbol;
import org.relengine.dsl.ValueType;
import org.relengine.validate.Diagnostics;
import org.relengine.validate.Problem;

/** Checks a value written in a recipe against the type its keyword or option expects. */
final class TypeCheck {

    private TypeCheck() {
    }

    /** What each element of a list of {@code listType} is: a list of strings in a map of lists, else a string. */
    static ValueType elementType(ValueType listType) {
        return listType == ValueType.STRINGS_BY_STRING ? ValueType.STRINGS : ValueType.STRING;
    }

    /** How messages name the positional argument of a keyword: "the name of `repo`". */
    static String argument(org.relengine.dsl.Keyword keyword) {
        return "the " + keyword.argName() + " of `" + keyword.name() + "`";
    }

    /** How messages name an option: "option `arches` of `repo`". */
    static String option(org.relengine.dsl.Keyword keyword, String name) {
        return "option `" + name + "` of `" + keyword.name() + "`";
    }

    /** True when the value fits; otherwise each wrong part is reported and false returned. */
    static boolean check(Value value, ValueType expected, String subject, Diagnostics out) {
        switch (expected) {
            case STRING:
                return expect(value instanceof Value.Text, value, expected, subject, out);
            case BOOLEAN:
                return expect(value instanceof Value.Flag, value, expected, subject, out);
            case INTEGER:
                return expect(value instanceof Value.Number n && isWhole(n.value()), value, expected, subject, out);
            case STRINGS:
                return strings(value, expected, subject, out);
            case DURATION:
                return expect(value instanceof Value.Text, value, expected, subject, out)
                        && duration((Value.Text) value, subject, out);
            case ARCHES:
                if (value instanceof Value.Word w && w.symbol() == Symbol.ALL) {
                    return true;
                }
                return strings(value, expected, subject, out);
            case BOOLEAN_OR_STRINGS:
                return value instanceof Value.Flag || strings(value, expected, subject, out);
            case STRING_BY_STRING:
            case STRINGS_BY_STRING:
                if (!(value instanceof Value.Table table)) {
                    return expect(false, value, expected, subject, out);
                }
                ValueType entries = expected == ValueType.STRING_BY_STRING ? ValueType.STRING : ValueType.STRINGS;
                boolean ok = true;
                for (Value.Entry entry : table.entries()) {
                    ok &= check(entry.value(), entries, subject + " for `" + entry.key() + "`", out);
                }
                return ok;
            default:
                return symbol(value, expected, subject, out);
        }
    }

    private static boolean symbol(Value value, ValueType expected, String subject, Diagnostics out) {
        if (value instanceof Value.Word w && w.symbol().type() == expected) {
            return true;
        }
        String hint = null;
        if (value instanceof Value.Text t && Symbol.byWord(t.value()).filter(s -> s.type() == expected).isPresent()) {
            hint = "write it without quotes: " + t.value();
        }
        out.error(Problem.WRONG_TYPE, value.at(), value.length(), hint, capitalised(subject), expected.description(),
                value.describe());
        return false;
    }

    private static boolean strings(Value value, ValueType expected, String subject, Diagnostics out) {
        if (!(value instanceof Value.Seq seq)) {
            String hint = value instanceof Value.Text t ? "put it in a list: ['" + t.value() + "']" : null;
            out.error(Problem.WRONG_TYPE, value.at(), value.length(), hint, capitalised(subject),
                    expected.description(), value.describe());
            return false;
        }
        boolean ok = true;
        for (Value item : seq.items()) {
            if (!(item instanceof Value.Text)) {
                out.error(Problem.WRONG_TYPE, item.at(), item.length(), null, "each element of " + subject,
                        ValueType.STRING.description(), item.describe());
                ok = false;
            }
        }
        return ok;
    }

    private static boolean duration(Value.Text text, String subject, Diagnostics out) {
        if (DurationText.parse(text.value()).isPresent()) {
            return true;
        }
        out.error(Problem.MALFORMED_DURATION, text.at(), text.length(),
                "write a whole number and a unit, s, m or h: e.g. '30s', '2m' or '1h'", subject, text.value());
        return false;
    }

    private static boolean expect(boolean fits, Value value, ValueType expected, String subject, Diagnostics out) {
        if (!fits) {
            String hint = null;
            if (expected == ValueType.STRING && value instanceof Value.Number n) {
                hint = "put it in quotes: '" + n.value() + "'";
            } else if (expected == ValueType.DURATION && value instanceof Value.Number n) {
                hint = "give its unit, in quotes: '" + n.value() + "s', '" + n.value() + "m' or '" + n.value() + "h'";
            }
            out.error(Problem.WRONG_TYPE, value.at(), value.length(), hint, capitalised(subject),
                    expected.description(), value.describe());
        }
        return fits;
    }

    private static boolean isWhole(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof java.math.BigInteger;
    }

    /** Messages start in lower case, like every other diagnostic. */
    private static String capitalised(String s) {
        return s;
    }
}
