package org.relengine.validate

import org.relengine.compile.RecipeFixture
import org.relengine.model.Step
import spock.lang.Specification

/**
 * {@code updateinfo url: '…', product: '…', repos: [...]}: errata from an updateinfo API (Rocky's Apollo). The URL
 * is required and an http(s) URL without query; every repo named is declared.
 */
class UpdateinfoValidationSpec extends Specification implements RecipeFixture {

    /** The baseline's `production` line, replaced by the updateinfo step. */
    static final int LINE = 23

    static String with(String options) {
        baselineWith(LINE, "    updateinfo $options")
    }

    def "an updateinfo step is read with its defaults: product rocky-linux, every repo"() {
        when:
        def result = load(with("url: 'https://apollo.example.org/api/v3/updateinfo'"))

        then:
        result.ok()
        result.recipe().step(Step.Updateinfo).get().with { [url(), product(), repos()] } ==
                ['https://apollo.example.org/api/v3/updateinfo', 'rocky-linux', null]
    }

    def "#options is refused at column #column: #message"() {
        when:
        def errors = errors(with(options))

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.message(), it.hint()] } ==
                [[code, LINE, column, message, hint]]

        where:
        options                                                              || code   | column | message                                                                                                                                    | hint
        "repos: ['BaseOS']"                                                  || 'R302' | 5      | '`updateinfo` needs the option `url`'                                                                                                     | "the errata service's updateinfo API, e.g. url: 'https://apollo.build.resf.org/api/v3/updateinfo'"
        "url: 'apollo.example.org/updateinfo'"                               || 'R325' | 21     | 'the updateinfo url `apollo.example.org/updateinfo` is not a URL relengine can read: it must start with http:// or https:// and have no spaces, query or fragment' | "e.g. 'https://apollo.build.resf.org/api/v3/updateinfo'"
        "url: 'https://a.example/updateinfo?arch=x86_64'"                    || 'R325' | 21     | 'the updateinfo url `https://a.example/updateinfo?arch=x86_64` is not a URL relengine can read: it must start with http:// or https:// and have no spaces, query or fragment' | "e.g. 'https://apollo.build.resf.org/api/v3/updateinfo'"
        "url: 'https://a.example/u', repos: ['BaseOS', 'Appstream']"        || 'R308' | 62     | '`updateinfo` names repo `Appstream`, which is not declared'                                                                              | 'did you mean `AppStream`?'
    }
}
