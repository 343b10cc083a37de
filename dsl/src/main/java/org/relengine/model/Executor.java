package org.relengine.model;

/** Where a step's work runs. */
public enum Executor {
    LOCAL("local"), PODMAN("podman"), MOCK("mock"), KUBERNETES("kubernetes");

    private final String word;

    Executor(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
