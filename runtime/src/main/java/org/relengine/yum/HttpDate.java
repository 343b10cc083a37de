package org.relengine.yum;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Last-Modified} header's time. Servers send the fixed form of RFC 9110 ({@code Sun, 06 Nov 1994 08:49:37
 * GMT}); it is read by position, because {@link DateTimeFormatter} spent a tenth of a sync's CPU on it, one header
 * per package. Any other form goes to {@link DateTimeFormatter#RFC_1123_DATE_TIME}, which also decides what a
 * fixed-form date that does not add up (a 31 February, a wrong weekday) is: no time.
 */
final class HttpDate {

    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");

    /** In the order of {@link DayOfWeek}. */
    private static final List<String> WEEKDAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private HttpDate() {
    }

    static Optional<Instant> parse(String text) {
        Instant fixed = fixed(text);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code Www, DD Mmm YYYY HH:MM:SS GMT}, or null when the text is not exactly that. */
    private static Instant fixed(String t) {
        if (t.length() != 29 || t.charAt(3) != ',' || t.charAt(4) != ' ' || t.charAt(7) != ' ' || t.charAt(11) != ' '
                || t.charAt(16) != ' ' || t.charAt(19) != ':' || t.charAt(22) != ':' || !t.endsWith(" GMT")) {
            return null;
        }
        int month = MONTHS.indexOf(t.substring(8, 11)) + 1;
        int day = digits(t, 5, 2);
        int year = digits(t, 12, 4);
        int hour = digits(t, 17, 2);
        int minute = digits(t, 20, 2);
        int second = digits(t, 23, 2);
        if (month == 0 || day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.of(year, month, day, hour, minute, second);
            if (!WEEKDAYS.get(time.getDayOfWeek().ordinal()).equals(t.substring(0, 3))) {
                return null;
            }
            return time.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the {@code count} digits at {@code from} make, or -1 when one is not a digit. */
    private static int digits(String t, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
