package org.relengine.compile

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.model.Origin
import org.relengine.model.Recipe
import org.relengine.validate.TextRenderer
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Recipes are UTF-8 text. Editors on Windows start such a file with a byte-order mark and end its lines with
 * CRLF: either way the recipe reads as the same recipe, every value and every mistake at the same line and
 * column, the code frames the same.
 */
class RecipeEncodingSpec extends Specification implements RecipeFixture {

    static final String BOM = '\uFEFF'

    @TempDir
    Path dir

    def "a recipe that starts with a byte-order mark validates, its positions unchanged"() {
        given:
        def plain = Recipes.load(Path.of('../recipes/rocky9.groovy'))
        def file = dir.resolve('rocky9.groovy')
        Files.writeString(file, BOM + Files.readString(Path.of('../recipes/rocky9.groovy')))

        when:
        def marked = Recipes.load(file)

        then:
        marked.diagnostics().all() == []
        marked.ok()
        positions(marked.recipe()) == positions(plain.recipe())
        positions(marked.recipe()).size() > 100
    }

    def "the first value of a recipe with a byte-order mark is at line 1, column 1, and the others of line 1 keep their columns"() {
        when:
        def recipe = load(BOM + BASELINE).recipe()

        then:
        recipe.release().origin().at().with { [line(), column()] } == [1, 1]
        recipe.release().origin().option('version').with { [line(), column()] } == [1, 49]
        positions(recipe) == positions(load(BASELINE).recipe())
    }

    def "an included recipe with a byte-order mark is read like any other"() {
        given:
        ['rocky9.groovy', 'rocky9-beta.groovy'].each { name ->
            Files.writeString(dir.resolve(name), BOM + Files.readString(Path.of('../recipes', name)))
        }

        when:
        def result = Recipes.load(dir.resolve('rocky9-beta.groovy'))

        then:
        result.diagnostics().all() == []
        result.ok()
        result.recipe().files().size() == 2
    }

    def "mistakes on line 1 and line 3 are reported at the same line and column #variant"() {
        given: "a wrong type on line 1, an unknown option on line 3"
        def broken = baselineWith(
                1: "release 'Rocky Linux', short: 'Rocky', version: 9.5, rc: 'RC1', code: 'Blue Onyx'",
                3: "source peridot, url: 'https://y.example/v1', project: 'p', hashd: true")
        def reference = load(broken)

        when:
        def result = load(written(broken))

        then:
        errors(result) == [[1, 49, 'R106'], [3, 60, 'R104']]
        errors(result) == errors(reference)
        rendered(result) == rendered(reference)

        where:
        variant                          | written
        'with a byte-order mark'         | { String text -> BOM + text }
        'with CRLF line ends'            | { String text -> crlf(text) }
        'with a byte-order mark and CRLF' | { String text -> BOM + crlf(text) }
    }

    def "a syntax error on line 1 is reported at the same line and column #variant"() {
        given:
        def broken = baselineWith(1, "release 'Rocky Linux', , version: '9.5'")
        def reference = load(broken)

        when:
        def result = load(written(broken))

        then:
        errors(result) == [[1, 22, 'R101']]
        errors(result) == errors(reference)
        rendered(result) == rendered(reference)

        where:
        variant                          | written
        'with a byte-order mark'         | { String text -> BOM + text }
        'with a byte-order mark and CRLF' | { String text -> BOM + crlf(text) }
    }

    def "a recipe with CRLF line ends validates, its positions those of its LF copy"() {
        given:
        def plain = Recipes.load(Path.of('../recipes/rocky9.groovy'))
        def file = dir.resolve('rocky9.groovy')
        Files.writeString(file, crlf(Files.readString(Path.of('../recipes/rocky9.groovy'))))

        when:
        def result = Recipes.load(file)

        then:
        Files.readString(file).contains('\r\n')
        result.diagnostics().all() == []
        result.ok()
        positions(result.recipe()) == positions(plain.recipe())
    }

    def "a recipe with a byte-order mark and CRLF line ends validates, its positions unchanged"() {
        given:
        def plain = Recipes.load(Path.of('../recipes/rocky9.groovy'))
        def file = dir.resolve('rocky9.groovy')
        Files.writeString(file, BOM + crlf(Files.readString(Path.of('../recipes/rocky9.groovy'))))

        when:
        def result = Recipes.load(file)

        then:
        result.diagnostics().all() == []
        result.ok()
        positions(result.recipe()) == positions(plain.recipe())
    }

    static String crlf(String text) {
        text.replace('\n', '\r\n')
    }

    static List<List> errors(Recipes.Result result) {
        result.diagnostics().all().findAll { it.isError() }.collect { [it.at().line(), it.at().column(), it.code()] }
    }

    static String rendered(Recipes.Result result) {
        new TextRenderer(result.sources(), false).render(result.diagnostics().all())
    }

    /** Every position the model keeps, as line:column, in a fixed order. */
    static List<String> positions(Recipe recipe) {
        List<Origin> origins = [recipe.release().origin(), recipe.archesOrigin(), recipe.gpg().origin(),
                                recipe.lorax().origin()]
        origins += recipe.sources()*.origin() + recipe.repos()*.origin() + recipe.images()*.origin() +
                recipe.cloudImages()*.origin() + recipe.liveImages()*.origin() + recipe.compose()*.origin() +
                recipe.publish()*.origin()
        origins.collectMany { origin ->
            [origin.at()] + origin.options().sort()*.value + origin.elements().sort()*.value.flatten()
        }.collect { "${it.line()}:${it.column()}".toString() }
    }

    def "a recipe that is not UTF-8 is reported at its first byte that is not, with the byte and a hint"() {
        given: 'Latin-1 text: é is the single byte 0xE9, after a comment whose é is good UTF-8'
        def file = dir.resolve('latin1.groovy')
        def bytes = new ByteArrayOutputStream()
        bytes.write("release 'Rocky Linux', version: '9.5'\n// café\narches 'x86_64', 'a".getBytes('UTF-8'))
        bytes.write(0xE9)
        bytes.write("'\n".getBytes('UTF-8'))
        Files.write(file, bytes.toByteArray())

        when:
        def errors = Recipes.load(file).diagnostics().all().findAll { it.isError() }

        then:
        errors.size() == 1
        [errors[0].at().line(), errors[0].at().column()] == [3, 20]
        errors[0].code() == 'R100'
        errors[0].message() == "cannot read recipe `${file}`: it is not UTF-8 text (byte 0xE9)".toString()
        errors[0].hint() == 'save it as UTF-8 (with or without a byte-order mark)'
    }
}
