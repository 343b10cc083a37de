package org.relengine.validate

import org.relengine.compile.RecipeFixture
import org.relengine.model.Step
import spock.lang.Specification

/**
 * {@code staging links: [name: 'Repo']}: links made inside the staging directory (Rocky 8's LINK_REPOS). Each name is
 * one plain name that is no repo's own directory, and leads to a declared repo; anything else is reported at the name.
 */
class StagingLinksValidationSpec extends Specification implements RecipeFixture {

    /** The baseline's `staging` line, with links; the first link's name starts at column 35. */
    static final int STAGING_LINE = 22

    static String withLinks(String links) {
        baselineWith(STAGING_LINE, "    staging delete: true, links: [$links]")
    }

    def "links to declared repos are read in the order written"() {
        when:
        def result = load(withLinks("rt: 'RT', Devel: 'devel'"))

        then:
        result.ok()
        result.recipe().step(Step.Staging).get().links() == [rt: 'RT', Devel: 'devel']
    }

    def "a link #links is refused at its name: #message"() {
        when:
        def errors = errors(withLinks(links))

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.message(), it.hint()] } ==
                [[code, STAGING_LINE, 35, message, hint]]

        where:
        links             || code   | message                                                                                        | hint
        "'a/b': 'RT'"     || 'R320' | '`a/b` of `staging links:` is not one plain name'                                                | 'a link is one name in the staging directory, e.g. nfv'
        "'..': 'RT'"      || 'R320' | '`..` of `staging links:` is not one plain name'                                                 | 'a link is one name in the staging directory, e.g. nfv'
        "RT: 'devel'"     || 'R320' | "`RT` of `staging links:` is a repo's own directory, which a link would replace"                 | "link another name to it, e.g. rt: 'RT'"
        "rt: 'Rt'"        || 'R308' | '`staging links:` for `rt` names repo `Rt`, which is not declared'                              | 'did you mean `RT`?'
    }

    def "links must be a map of strings"() {
        when:
        def errors = errors(withLinks("rt: ['RT']"))

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.message()] } ==
                [['R106', STAGING_LINE, 39, "option `links` of `staging` for `rt` must be a string, e.g. 'BaseOS', not a list"]]
    }
}
