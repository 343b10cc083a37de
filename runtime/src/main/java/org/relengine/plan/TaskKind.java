package org.relengine.plan;

/**
 * A kind of task, declared by the step unit that plans it: its word in task ids and plans, the stage that groups
 * it for display and status, and how its outside inputs are fingerprinted for {@code --resume}.
 */
public record TaskKind(String word, String stage, Inputs inputs) {

    /** How a task's inputs outside the compose are fingerprinted. */
    public enum Inputs {
        /** Local paths by size and time (or content where the recipe asks); remote ones are not fetched. */
        LOCATIONS,
        /** Package repositories: a remote one by the SHA-256 of its {@code repomd.xml}. */
        REPOSITORIES,
        /** {@code repository@ref}: the commit it resolves to is recorded in the compose, not looked up. */
        GIT_REFS
    }

    public TaskKind(String word, String stage) {
        this(word, stage, Inputs.LOCATIONS);
    }

    /** A publish task changes trees outside the compose, never the compose itself. */
    public boolean publishes() {
        return stage.equals("publish");
    }
}
