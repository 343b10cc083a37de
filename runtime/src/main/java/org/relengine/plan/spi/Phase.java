package org.relengine.plan.spi;

import org.relengine.plan.PlanOptions;

/**
 * When a step unit plans: the planning kernel runs the phases in this order, and the units of a phase in the
 * order of the registry.
 */
public enum Phase {
    /** Every run that composes, an update of the latest compose included. */
    COMPOSE,
    /** Only a run that makes a new compose. */
    NEW_COMPOSE,
    /** Every run that publishes; its tasks follow what the compose phases planned. */
    PUBLISH,
    /** Only a vault run ({@code --only vault}). */
    VAULT;

    public boolean applies(PlanOptions options) {
        return switch (this) {
            case COMPOSE -> options.scope().compose();
            case NEW_COMPOSE -> options.scope().compose() && options.full();
            case PUBLISH -> options.scope().publish();
            case VAULT -> options.scope().vault();
        };
    }
}
