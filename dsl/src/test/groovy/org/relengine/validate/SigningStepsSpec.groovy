package org.relengine.validate

import org.relengine.compile.RecipeFixture
import org.relengine.model.Step
import spock.lang.Specification

/** A step that signs names its key; without one it is reported at the step (R302). */
class SigningStepsSpec extends Specification implements RecipeFixture {

    def "`#step` without a key is reported at its line, naming the option"() {
        when:
        def errors = errors(baselineWith(23: "    production delete: true, exclude: ['devel']\n    ${step}"))

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.length(), it.message(), it.hint()] } ==
                [['R302', 24, 5, keyword.length(), "`${keyword}` needs the option `key`".toString(),
                  'the GPG key id or fingerprint']]

        where:
        step                                  || keyword
        "sign repomd: true"                   || 'sign'
        "signRepos trees: ['os']"             || 'signRepos'
    }

    def "`signRepos` reads its key, its trees (os, debug and source unless told) and the GnuPG home"() {
        when:
        def result = load(baselineWith(23: "    production delete: true, exclude: ['devel']\n    ${step}"))
        def signRepos = result.recipe().step(Step.SignRepos).get()

        then:
        [signRepos.key(), signRepos.trees(), signRepos.homedir()] == expected

        where:
        step                                                                 || expected
        "signRepos key: 'k'"                                                 || ['k', ['os', 'debug', 'source'], null]
        "signRepos key: 'k', trees: ['kickstart'], homedir: '/srv/gnupg'"    || ['k', ['kickstart'], '/srv/gnupg']
    }
}
