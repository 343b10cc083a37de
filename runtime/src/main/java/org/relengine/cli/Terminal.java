package org.relengine.cli;

/** What the output is connected to: colour only on a terminal, and never when NO_COLOR is set. */
public final class Terminal {

    private Terminal() {
    }

    public static boolean colour() {
        String noColour = System.getenv("NO_COLOR");
        if (noColour != null && !noColour.isEmpty()) {
            return false;
        }
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
