package org.relengine.compile;

import java.util.List;
import org.relengine.dsl.Symbol;
import org.relengine.model.Position;

/**
 * A value written in a recipe, with where it was written. The last four kinds are expressions of the recipe's
 * constants ({@link Ref}, {@link Field}, {@link Plus}, {@link Template}): the reader keeps them as written and
 * {@link ConstantResolver} replaces each with the value it stands for, once every file is read.
 */
public sealed interface Value {

    Position at();

    /** Characters the value spans on its line, for the caret underline. */
    int length();

    /** How the value is named in messages: "the number 9.5". */
    String describe();

    /** The same value as if written at {@code at}, {@code length} characters long. */
    Value placed(Position at, int length);

    record Text(String value, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Text(value, at, length);
        }

        public String describe() {
            return "the string '" + value + "'";
        }
    }

    record Number(java.lang.Number value, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Number(value, at, length);
        }

        public String describe() {
            return "the number " + value;
        }
    }

    record Flag(boolean value, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Flag(value, at, length);
        }

        public String describe() {
            return String.valueOf(value);
        }
    }

    record Seq(List<Value> items, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Seq(items, at, length);
        }

        public String describe() {
            return "a list";
        }
    }

    record Table(List<Entry> entries, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Table(entries, at, length);
        }

        public String describe() {
            return "a map";
        }
    }

    record Entry(String key, Position keyAt, Value value) {
    }

    record Word(Symbol symbol, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Word(symbol, at, length);
        }

        public String describe() {
            return "`" + symbol.word() + "`";
        }
    }

    /** A constant used by name: {@code core}. */
    record Ref(String name, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Ref(name, at, length);
        }

        public String describe() {
            return "`" + name + "`";
        }
    }

    /** A field of the recipe's release: {@code release.major}. */
    record Field(String name, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Field(name, at, length);
        }

        public String describe() {
            return "`release." + name + "`";
        }
    }

    /** Two lists or two strings joined: {@code core + ['HighAvailability']}. */
    record Plus(Value left, Value right, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Plus(left, right, at, length);
        }

        public String describe() {
            return "an expression with `+`";
        }
    }

    /** A double-quoted string with {@code ${…}}: its literal text and its expressions, in order. */
    record Template(List<Value> parts, Position at, int length) implements Value {
        public Value placed(Position at, int length) {
            return new Template(parts, at, length);
        }

        public String describe() {
            return "a string with ${…}";
        }
    }

    /** Whether the value is written out whole: no constant, release field, `+` or `${…}` left in it. */
    static boolean literal(Value value) {
        if (value instanceof Seq seq) {
            return seq.items().stream().allMatch(Value::literal);
        }
        if (value instanceof Table table) {
            return table.entries().stream().allMatch(e -> literal(e.value()));
        }
        return !(value instanceof Ref || value instanceof Field || value instanceof Plus || value instanceof Template);
    }
}
