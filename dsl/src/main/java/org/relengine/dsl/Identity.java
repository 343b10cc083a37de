package org.relengine.dsl;

/**
 * How declarations of a keyword are told apart, which decides both duplicate detection and how an
 * including recipe overrides an included one.
 */
public enum Identity {
    /** One per block: {@code release}, {@code arches}, {@code sync}. */
    SINGLE,
    /** One per first argument: {@code repo 'BaseOS'}, {@code source peridot}. */
    NAMED,
    /** Not a declaration of the model ({@code include}, {@code remove}). */
    DIRECTIVE
}
