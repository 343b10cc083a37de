package org.relengine.validate

import org.relengine.compile.RecipeFixture
import spock.lang.Specification

/**
 * A module of {@code filelists modules: [...]} names the directory {@code <pub>/NAME} that is listed and the list
 * {@code fullfiletimelist-NAME} written into it: it is one plain directory name, or the lists would be written
 * outside the mirror tree. Anything else is R324 at the module's own position, found by {@code validate}.
 */
class FileListModulesSpec extends Specification implements RecipeFixture {

    /** The baseline with a `filelists` step on line 24; its first module starts at column 25. */
    static String withModules(String modules) {
        baselineWith(23: "    production delete: true, exclude: ['devel']\n    filelists modules: [${modules}]")
    }

    def "a module #module is refused at its position: #reason"() {
        when:
        def errors = errors(withModules("'rocky', ${module}"))

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.length(), it.message(), it.hint()] } ==
                [['R324', 24, 34, length, "`${shown}` is not a file list module: ${reason}".toString(),
                  "a module is one directory name, e.g. 'rocky'"]]

        where:
        module              | shown            || reason                        | length
        "''"                | ''               || 'it is empty'                 | 2
        "'/srv/mirror'"     | '/srv/mirror'    || 'it is an absolute path'      | 13
        "'..'"              | '..'             || 'it has a `..` segment'       | 4
        "'../x'"            | '../x'           || 'it has a `..` segment'       | 6
        "'a/../../../x'"    | 'a/../../../x'   || 'it has a `..` segment'       | 14
        "'.'"               | '.'              || 'it has a `.` segment'        | 3
        "'./rocky'"         | './rocky'        || 'it has a `.` segment'        | 9
        "'rocky/9'"         | 'rocky/9'        || 'it has a `/`'                | 9
        "'rocky\\n'"        | 'rocky\\n'       || 'it has a control character'  | 8    // the value's length: one character for \\n
        "'rocky\\tx'"       | 'rocky\\tx'      || 'it has a control character'  | 9
    }

    def "every bad module of the list is reported, each at its own position"() {
        expect:
        errors(withModules("'../a', 'rocky', '/b'")).collect { [it.code(), it.at().column()] } ==
                [['R324', 25], ['R324', 42]]
    }

    def "plain directory names are modules: #modules"() {
        expect:
        load(withModules(modules)).ok()

        where:
        modules << ["'rocky'", "'rocky', 'sig-cloud', 'rocky-linux.9', 'a..b', '...'"]
    }
}
