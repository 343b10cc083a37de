package org.relengine.validate;

import java.util.List;
import org.relengine.model.Position;

/**
 * One problem in a recipe, at its position, in the recipe's own words.
 *
 * @param code    stable identifier from {@link Problem}, for CI and documentation
 * @param hint    what to do about it, or null; did-you-mean suggestions go here
 * @param length  how many characters the problem spans at its position, for the caret underline
 */
public record Diagnostic(Severity severity, String code, Position at, int length, String message, String hint,
                         List<Related> related) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message}, the one-line form for logs. */
    public String line() {
        return at + ": " + severity.word() + ": " + message;
    }
}
