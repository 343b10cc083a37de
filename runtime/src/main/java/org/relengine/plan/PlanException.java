package org.relengine.plan;

/** A plan that cannot be made from these options, with the reason in the user's words. */
public class PlanException extends RuntimeException {

    private final String hint;

    public PlanException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
