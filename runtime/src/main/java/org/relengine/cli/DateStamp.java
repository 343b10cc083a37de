package org.relengine.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A compose's date stamp: local time {@code YYYYMMDD.HHMMSS}, allocated once per compose. */
final class DateStamp {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss");

    private DateStamp() {
    }

    static String now() {
        return LocalDateTime.now().format(FORMAT);
    }
}
