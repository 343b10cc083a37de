package org.relengine.compile

import java.time.Duration
import org.relengine.model.Step
import spock.lang.Specification

/**
 * `retries` and `retryDelay` on the steps that reach the network: read into the step's retry policy,
 * defaults when left out, and every mistake reported at the value with its code and a hint.
 */
class RetryOptionsSpec extends Specification implements RecipeFixture {

    def "sync with retries: 2, retryDelay: '1s' has that policy"() {
        when:
        def result = load(baselineWith(15: "    sync from: peridot, delete: true, retries: 2, retryDelay: '1s'"))

        then:
        result.ok()
        result.recipe().step(Step.Sync).get().retry() == new Step.Retry(2, Duration.ofSeconds(1))
    }

    def "#step.trim() gives its step #expected"() {
        when:
        def result = load(baselineWith(edits))

        then:
        result.ok()
        result.recipe().compose().find { it.keyword() == keyword }.retry() == expected

        where:
        step                                        | edits                                                               | keyword  || expected
        "sync without the options"                  | [:]                                                                 | 'sync'   || Step.Retry.NONE
        "unpack retries: 3, retryDelay: '2m'"       | [17: "    unpack retries: 3, retryDelay: '2m'"]                     | 'unpack' || new Step.Retry(3, Duration.ofMinutes(2))
        "cloud retries: 1"                          | [17: "    unpack(); cloud retries: 1"]                              | 'cloud'  || new Step.Retry(1, Duration.ofSeconds(30))
        "live retryDelay: '1h'"                     | [17: "    unpack(); live retryDelay: '1h'"]                         | 'live'   || new Step.Retry(0, Duration.ofHours(1))
        "sync retries: 0"                           | [15: "    sync from: peridot, retries: 0"]                          | 'sync'   || Step.Retry.NONE
    }

    def "the default policy tries once and waits 30 s; a policy doubles its wait after each attempt, at most 10 minutes"() {
        expect:
        Step.Retry.NONE.attempts() == 1
        Step.Retry.NONE.delay() == Duration.ofSeconds(30)
        new Step.Retry(3, Duration.ofSeconds(30)).attempts() == 4
        (1..6).collect { new Step.Retry(6, Duration.ofSeconds(30)).waitAfter(it).toSeconds() } == [30, 60, 120, 240, 480, 600]
        new Step.Retry(2, Duration.ofHours(1)).waitAfter(1) == Duration.ofMinutes(10)
    }

    def "#mistake is reported at #line:#column"() {
        expect:
        onlyError(edits) == [line, column, code, message, hint]

        where:
        mistake                           | edits                                                    || line | column | code   | message                                                                                      | hint
        'a delay with an unknown unit'    | [15: "    sync from: peridot, retries: 2, retryDelay: '30x'"] || 15 | 49     | 'R115' | "option `retryDelay` of `sync` is not a duration: '30x'"                                     | "write a whole number and a unit, s, m or h: e.g. '30s', '2m' or '1h'"
        'a delay without a unit'          | [17: "    unpack retryDelay: '30'"]                     || 17   | 24     | 'R115' | "option `retryDelay` of `unpack` is not a duration: '30'"                                    | "write a whole number and a unit, s, m or h: e.g. '30s', '2m' or '1h'"
        'a delay as a number'             | [17: "    unpack retryDelay: 30"]                       || 17   | 24     | 'R106' | "option `retryDelay` of `unpack` must be a duration, e.g. '30s', '2m' or '1h', not the number 30" | "give its unit, in quotes: '30s', '30m' or '30h'"
        'negative retries'                | [15: "    sync from: peridot, retries: -1"]             || 15   | 34     | 'R323' | '`retries` of `sync` is -1; it must be 0 or more'                                            | '0 tries a failed task once, without retrying'
        'retries as a string'             | [15: "    sync from: peridot, retries: '2'"]            || 15   | 34     | 'R106' | "option `retries` of `sync` must be a whole number, e.g. 4, not the string '2'"              | null
        'retries on a step without them'  | [16: "    iso arches: all, retries: 2"]                 || 16   | 22     | 'R104' | 'unknown option `retries` for `iso`'                                                         | 'options of `iso`: arches, on, failable'
    }
}
