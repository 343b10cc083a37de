package org.relengine.formats;

import java.time.Duration;

/** Durations as people read them in logs, summaries and reports. */
public final class Durations {

    private Durations() {
    }

    /** {@code 42.5 s}, or {@code 2 min 5 s} from a minute on. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : d.toMillis() / 1000.0 + " s";
    }
}
