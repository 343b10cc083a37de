package org.relengine.plan;

/**
 * The stable name of work done in Java ({@code unpack-lorax}) or of a read-only probe: the step unit that plans
 * it registers the code under this key, and every key a plan names is resolved before anything runs.
 */
public record OperationKey(String name) {

    public OperationKey {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an operation needs a name");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
