package org.relengine.model;

/**
 * Where something was written: a recipe file, a 1-based line and a 1-based column.
 * Every element of the model keeps one so that validation can point back at the recipe.
 */
public record Position(String file, int line, int column) {

    public static final Position NONE = new Position("<none>", 0, 0);

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
