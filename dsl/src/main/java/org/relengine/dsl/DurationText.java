package org.relengine.dsl;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as a recipe writes it: a whole number and a unit, {@code '30s'}, {@code '2m'}, {@code '1h'}.
 * The unit is required, so that {@code '30'} cannot mean seconds to one reader and minutes to another.
 */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})([smh])");

    private DurationText() {
    }

    /** The duration written, or empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        });
    }

    /** The duration as a recipe would write it, in the largest unit that keeps it whole. */
    public static String format(Duration duration) {
        long s = duration.toSeconds();
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
