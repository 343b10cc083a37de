package org.relengine.yum

import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import spock.lang.Specification

class HttpDateSpec extends Specification {

    def "a Last-Modified header is read as the time it names: #text"() {
        expect:
        HttpDate.parse(text) == Optional.ofNullable(expected == null ? null : Instant.parse(expected))

        where:
        text                                || expected
        'Sun, 06 Nov 1994 08:49:37 GMT'     || '1994-11-06T08:49:37Z'
        'Thu, 01 Jan 1970 00:00:00 GMT'     || '1970-01-01T00:00:00Z'
        'Sat, 29 Feb 2020 23:59:59 GMT'     || '2020-02-29T23:59:59Z'
        'Wed, 31 Dec 2025 12:00:00 GMT'     || '2025-12-31T12:00:00Z'
        // not the fixed form, but RFC 1123 all the same: read by the JDK's formatter
        'Sun, 6 Nov 1994 08:49:37 GMT'      || '1994-11-06T08:49:37Z'
        'Sun, 06 Nov 1994 09:49:37 +0100'   || '1994-11-06T08:49:37Z'
        // the fixed form's length and separators, but a date that does not add up: as the JDK's formatter reads it
        'Mon, 06 Nov 1994 08:49:37 GMT'     || null
        'Sat, 30 Feb 2020 10:00:00 GMT'     || '2020-02-29T10:00:00Z'
        'Sun, 06 Nov 1994 24:49:37 GMT'     || null
        'Sun, 06 Nop 1994 08:49:37 GMT'     || null
        'Sun, 0x Nov 1994 08:49:37 GMT'     || null
        // other forms HTTP once allowed, and nonsense
        'Sunday, 06-Nov-94 08:49:37 GMT'    || null
        'Sun Nov  6 08:49:37 1994'          || null
        ''                                  || null
        'yesterday'                         || null
    }

    def "every time the JDK writes in RFC 1123 with two-digit days reads back as that time"() {
        given:
        def random = new Random(7)
        def formatter = DateTimeFormatter.ofPattern('EEE, dd MMM yyyy HH:mm:ss', Locale.ROOT)

        expect:
        (1..2000).every {
            def time = Instant.ofEpochSecond((random.nextLong() >>> 1) % 4_102_444_800L)
            def text = formatter.format(time.atOffset(ZoneOffset.UTC)) + ' GMT'
            HttpDate.parse(text) == Optional.of(time)
        }
    }
}
