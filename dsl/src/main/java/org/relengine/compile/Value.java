package org.relengine.compile;

import java.util.List;
import org.relengine.dsl.Symbol;
import org.relengine.model.Position;

/** A value written in a recipe, with where it was written. */
public sealed interface Value {

    Position at();

    /** Characters the value spans on its line, for the caret underline. */
    int length();

    /** How the value is named in messages: "the number 9.5". */
    String describe();

    record Text(String value, Position at, int length) implements Value {
        public String describe() {
            return "the string '" + value + "'";
        }
    }

    record Number(java.lang.Number value, Position at, int length) implements Value {
        public String describe() {
            return "the number " + value;
        }
    }

    record Flag(boolean value, Position at, int length) implements Value {
        public String describe() {
            return String.valueOf(value);
        }
    }

    record Seq(List<Value> items, Position at, int length) implements Value {
        public String describe() {
            return "a list";
        }
    }

    record Table(List<Entry> entries, Position at, int length) implements Value {
        public String describe() {
            return "a map";
        }
    }

    record Entry(String key, Position keyAt, Value value) {
    }

    record Word(Symbol symbol, Position at, int length) implements Value {
        public String describe() {
            return "`" + symbol.word() + "`";
        }
    }
}
