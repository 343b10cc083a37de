package org.relengine.validate;

public enum Severity {
    ERROR, WARNING;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
