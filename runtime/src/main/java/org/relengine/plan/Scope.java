package org.relengine.plan;

/**
 * Which part of the pipeline a plan covers ({@code --only}). {@code VAULT} is a run of its own, later in a release's
 * life: the published release moved to the vault once it is superseded; no other run vaults.
 */
public enum Scope {
    ALL, COMPOSE, PUBLISH, VAULT;

    public boolean compose() {
        return this == ALL || this == COMPOSE;
    }

    public boolean publish() {
        return this == ALL || this == PUBLISH;
    }

    public boolean vault() {
        return this == VAULT;
    }
}
