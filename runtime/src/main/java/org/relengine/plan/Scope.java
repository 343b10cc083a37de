package org.relengine.plan;

/** Which part of the pipeline a plan covers ({@code --only}). */
public enum Scope {
    ALL, COMPOSE, PUBLISH;

    public boolean compose() {
        return this != PUBLISH;
    }

    public boolean publish() {
        return this != COMPOSE;
    }
}
