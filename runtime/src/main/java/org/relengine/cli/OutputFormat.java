package org.relengine.cli;

/** {@code --format} of the commands that print a result. */
public enum OutputFormat {
    text, json
}
