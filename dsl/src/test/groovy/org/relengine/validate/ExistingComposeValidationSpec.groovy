package org.relengine.validate

import org.relengine.compile.RecipeFixture
import spock.lang.Specification

/**
 * {@code existing compose: '/mnt/compose/8/latest-Rocky-8'}: a recipe that publishes a compose made elsewhere names an
 * absolute directory and has a {@code staging} step to publish it with.
 */
class ExistingComposeValidationSpec extends Specification implements RecipeFixture {

    /** The baseline's last line closes `publish { … }` (its staging step is line 22); the declaration follows it. */
    static final int LINE = 25

    static String with(String declaration, Map<Integer, String> edits = [:]) {
        baselineWith([24: "}\n$declaration".toString()] + edits)
    }

    def "an existing compose is read as the recipe names it"() {
        when:
        def result = load(with("existing compose: '/mnt/compose/8/latest-Rocky-8'"))

        then:
        result.ok()
        result.recipe().publishesExisting()
        result.recipe().existing().dir() == '/mnt/compose/8/latest-Rocky-8'
    }

    def "#what is refused at column #column: #message"() {
        when:
        def errors = errors(text)

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.message(), it.hint()] } ==
                [[code, LINE, column, message, hint]]

        where:
        what                 | text                                                                           || code   | column | message                                                                                       | hint
        'no directory'       | with('existing()')                                                             || 'R302' | 1      | '`existing` needs the option `compose`'                                                      | "the compose directory, e.g. compose: '/mnt/compose/8/latest-Rocky-8'"
        'a relative one'     | with("existing compose: 'compose/8/latest-Rocky-8'")                           || 'R320' | 19     | '`existing compose:` is `compose/8/latest-Rocky-8`, which is not an absolute directory'       | "e.g. '/mnt/compose/8/latest-Rocky-8'"
        'no staging step'    | with("existing compose: '/c/8'", [22: '', 23: ''])                              || 'R320' | 1 | '`existing compose:` publishes a compose, which takes a `staging` step'                      | 'declare it, e.g. publish { staging delete: false }'
    }
}
