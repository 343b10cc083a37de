package org.relengine.dsl;

/** The types an argument or option of the recipe language can have, described in the recipe's words. */
public enum ValueType {
    STRING("a string, e.g. 'BaseOS'"),
    BOOLEAN("true or false"),
    INTEGER("a whole number, e.g. 4"),
    STRINGS("a list of strings, e.g. ['BaseOS', 'AppStream']"),
    ARCHES("`all` or a list of arches, e.g. ['x86_64', 'aarch64']"),
    SOURCE("a package source: peridot, mirror or yum"),
    EXECUTOR("an executor: local, podman, mock or kubernetes"),
    ENGINE("a sync engine: native or dnf"),
    CHANNEL("a channel: stable, beta or lookahead"),
    BOOLEAN_OR_STRINGS("true, false or a list of strings"),
    STRINGS_BY_STRING("a map of lists, e.g. [x86_64: ['i686']]"),
    STRING_BY_STRING("a map of strings, e.g. [nfv: 'NFV']"),
    DURATION("a duration, e.g. '30s', '2m' or '1h'");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
