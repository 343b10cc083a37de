package org.relengine.exec;

import java.util.Map;

/** How a run shows its progress ({@code --progress}). */
public enum ProgressMode {
    /** live on an interactive terminal, plain anywhere else */
    AUTO,
    /** one line per stage, redrawn in place */
    LIVE,
    /** one line per task that ends, for logs and CI */
    PLAIN;

    /**
     * LIVE or PLAIN: AUTO picks live only where redrawing in place shows as intended, on a terminal that is
     * not dumb, and where nobody asked for plain output (NO_COLOR) or reads it as a log (CI, GitHub Actions).
     */
    public ProgressMode resolve(Map<String, String> env, boolean console) {
        if (this != AUTO) {
            return this;
        }
        boolean live = console && !"dumb".equals(env.get("TERM")) && empty(env.get("NO_COLOR"))
                && env.get("CI") == null && env.get("GITHUB_ACTIONS") == null;
        return live ? LIVE : PLAIN;
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }
}
