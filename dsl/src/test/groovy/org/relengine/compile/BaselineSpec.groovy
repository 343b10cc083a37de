package org.relengine.compile

import spock.lang.Specification

class BaselineSpec extends Specification implements RecipeFixture {

    def "the baseline recipe is valid"() {
        when:
        def result = load(BASELINE)

        then:
        result.diagnostics().all() == []
        result.ok()
        result.recipe().repos()*.name() == ['BaseOS', 'AppStream', 'RT', 'devel']
    }
}
