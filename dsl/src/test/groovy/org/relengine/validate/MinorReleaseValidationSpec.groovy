package org.relengine.validate

import org.relengine.compile.RecipeFixture
import org.relengine.model.Step
import spock.lang.Specification

/**
 * {@code minorRelease isos: [...], kickstart: [...], drop: [...]}: the minor-release reshaping of a compose made
 * elsewhere. It needs {@code existing compose:}; the repos it names are declared; isos and drop name top-level
 * directories of the compose's tree.
 */
class MinorReleaseValidationSpec extends Specification implements RecipeFixture {

    /** The baseline's `production` line, replaced by the step. */
    static final int LINE = 23

    static String with(String options, boolean existing = true) {
        baselineWith([(LINE): (options ? "    minorRelease $options" : '    minorRelease()').toString()]
                + (existing ? [24: "}\nexisting compose: '/mnt/compose/9/latest-Rocky-9'"] : [:]))
    }

    def "a minorRelease step is read with the toolkit's defaults: ISOs of BaseOS and Minimal, Minimal and Cloud left out"() {
        when:
        def result = load(with(''))
        def step = result.recipe().step(Step.MinorRelease).get()

        then:
        result.ok()
        [step.isos(), step.kickstart(), step.drop()] == [['BaseOS', 'Minimal'], null, ['Minimal', 'Cloud']]
        step.stagingExcludes() == ['/BaseOS/*/iso/', '/Minimal/*/iso/', '/Minimal/', '/Cloud/', '/isos/',
                                   '/*/*/kickstart/', '.treeinfo-pristine']
        result.recipe().repos().collect { step.kickstartFor(it) } == result.recipe().repos().collect { it.comps() }
    }

    def "#what is refused at column #column: #message"() {
        when:
        def errors = errors(text)

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.message(), it.hint()] } ==
                [[code, LINE, column, message, hint]]

        where:
        what                         | text                                      || code   | column | message                                                                                                                                  | hint
        'a compose of its own'       | with("isos: ['BaseOS']", false)           || 'R320' | 5      | "`minorRelease` reshapes a compose made elsewhere; relengine's own composes already have isos/<arch> and kickstart trees"               | "publish the compose Pungi made with e.g. existing compose: '/mnt/compose/9/latest-Rocky-9'"
        'an undeclared repo'         | with("kickstart: ['BaseOS', 'Appstream']") || 'R308' | 40     | '`minorRelease` names repo `Appstream`, which is not declared'                                                                          | 'did you mean `AppStream`?'
        'a path in isos'             | with("isos: ['BaseOS/x86_64']")           || 'R320' | 25     | '`isos` names `BaseOS/x86_64`, which is not the name of a directory at the top of the compose\'s tree'                                  | "e.g. 'Minimal'"
        'a pattern in drop'          | with("drop: ['*']")                       || 'R320' | 25     | '`drop` names `*`, which is not the name of a directory at the top of the compose\'s tree'                                              | "e.g. 'Minimal'"
    }
}
