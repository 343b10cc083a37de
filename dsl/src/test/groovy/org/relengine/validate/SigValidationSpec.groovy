package org.relengine.validate

import org.relengine.compile.RecipeFixture
import org.relengine.model.ComposePaths
import spock.lang.Specification

/**
 * {@code sig 'cloud'}: a recipe that composes a Special Interest Group's repos. Its name is a directory of the
 * mirror; it has repos only, and no kickstart trees; its paths are the mirror's sig tree.
 */
class SigValidationSpec extends Specification implements RecipeFixture {

    /** The baseline with its images gone and its sync making no kickstart trees: a valid SIG recipe but for line 1. */
    static String sig(String declaration, Map<Integer, String> edits = [:]) {
        baselineWith([1 : "release 'Rocky Linux', short: 'Rocky', version: '9.5'\n$declaration".toString(),
                      11: '', 12: '', 13: '', 15: "    sync from: peridot, delete: true, kickstart: false", 16: '', 17: '',
                      18: ''] + edits)
    }

    def "a SIG recipe composes SIG-<name>-<version>, links latest-SIG-<name>-<major> and publishes to mirror/pub/sig/<major>/<name>"() {
        when:
        def result = load(sig("sig 'cloud'"))
        def paths = ComposePaths.of(result.recipe())

        then:
        result.ok()
        result.recipe().composesSig()
        [paths.composeId('20251111.0'), paths.latestLink(), paths.treeRoot(), paths.stagingDir(), paths.productionDir(),
         paths.stagingLinks()] ==
                ['SIG-cloud-9.5-20251111.0', '/mnt/compose/9/latest-SIG-cloud-9', '9/cloud',
                 '/mnt/repos-staging/mirror/pub/sig/9/cloud', '/mnt/repos-production/mirror/pub/sig/9/cloud', []]
    }

    def "#what is refused at line #line, column #column: #message"() {
        when:
        def errors = errors(text)

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.message(), it.hint()] } ==
                [[code, line, column, message, hint]]

        where:
        what                   | text                                                                   || code   | line | column | message                                                                                                 | hint
        'a name in capitals'   | sig("sig 'Cloud'")                                                     || 'R320' | 2    | 5      | 'the SIG\'s name `Cloud` is not a directory name of the mirror: lower-case letters, digits, - and _'    | "e.g. sig 'cloud'"
        'a path as its name'   | sig("sig 'cloud/9'")                                                   || 'R320' | 2    | 5      | 'the SIG\'s name `cloud/9` is not a directory name of the mirror: lower-case letters, digits, - and _'  | "e.g. sig 'cloud'"
        'images'               | sig("sig 'cloud'", [11: "images {\n    image 'dvd', repos: ['BaseOS']\n}"]) || 'R320' | 2 | 1 | 'a SIG compose publishes repos only, and this recipe declares images'                                      | 'remove the `images { }` block'
        'kickstart trees'      | sig("sig 'cloud'", [15: '    sync from: peridot, delete: true'])      || 'R320' | 16   | 5      | 'a SIG\'s repos have no kickstart trees, and `sync` makes them (kickstart defaults to true)'           | 'write sync …, kickstart: false'
    }
}
