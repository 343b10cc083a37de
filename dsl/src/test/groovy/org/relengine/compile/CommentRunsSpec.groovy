package org.relengine.compile

import groovyjarjarantlr4.v4.runtime.CharStreams
import groovyjarjarantlr4.v4.runtime.Token
import java.nio.file.Files
import java.nio.file.Path
import org.apache.groovy.parser.antlr4.GroovyLangLexer
import org.apache.groovy.parser.antlr4.GroovyLexer
import org.apache.groovy.parser.antlr4.GroovySyntaxError
import org.relengine.validate.Diagnostic
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Long runs of comment and blank lines cost time in proportion to their length, and every value and
 * mistake after them keeps its exact line and column. Groovy's parser alone took more than 100 s for
 * rocky9.groovy with 20,000 comment lines before its last statement; the bound below is generous, so that a
 * loaded machine cannot fail it, and still far below that.
 */
class CommentRunsSpec extends Specification implements RecipeFixture {

    static final List<String> ROCKY9 = Files.readString(Path.of('../recipes/rocky9.groovy')).split('\n', -1) as List
    static final int PADDING = 20_000
    static final long BOUND_MS = 20_000

    /**
     * Comment lines that would end a string or a block comment, were they ever read as anything else; a line
     * whose first comment is hidden from the parser (another follows it) cuts them into two runs.
     */
    static final List<String> AWKWARD_COMMENTS = [
            "// it's \"quoted\" ''' \"\"\" */ \${x} /\$ \\ é \uD83D\uDE80", '', '    /* one block comment */',
            '// /* opens nothing', '   ', '//', "\t// repo 'x'", '', '// }', '// ]', '// )'].with {
        it * 2 + ['/* two */ /* on one line */'] + it * 2
    }

    /** rocky9.groovy's line numbers */
    static final int REPO_EXTRAS = 47
    static final int PUBLISH = 92
    static final int STAGING = 93

    @TempDir
    Path dir

    def "a recipe with 20,000 #lines #where validates within 20 s"() {
        given:
        def text = padded(PUBLISH, lines == 'comment lines' ? comments(PADDING) : blank(PADDING), [:])
        def file = dir.resolve('long.groovy')
        Files.writeString(file, text)

        when:
        long start = System.nanoTime()
        def result = Recipes.load(file)
        long ms = (System.nanoTime() - start).intdiv(1_000_000)

        then:
        result.diagnostics().all() == []
        result.ok()
        ms < BOUND_MS
        result.recipe().publish()[0].origin().at().with { [line(), column()] } == [STAGING + PADDING, 5]

        where:
        lines           | where
        'comment lines' | 'before its last statement'
        'blank lines'   | 'before its last statement'
    }

    def "a recipe with 20,000 comment lines #where validates within 20 s, each value in its place"() {
        given:
        def text = padded(before, comments(PADDING), [:])

        when:
        long start = System.nanoTime()
        def result = load(text)
        long ms = (System.nanoTime() - start).intdiv(1_000_000)

        then:
        result.diagnostics().all() == []
        ms < BOUND_MS
        RecipeEncodingSpec.positions(result.recipe()) == RecipeEncodingSpec.positions(load(ROCKY9.join('\n')).recipe())
                .collect { shifted(it, before) }

        where:
        where                             | before
        'at the top'                      | 1
        'between two repos of a block'    | REPO_EXTRAS
    }

    def "#mistake after 20,000 comment lines is reported at its true line and column"() {
        given:
        def reference = load(edited(edits))

        when:
        long start = System.nanoTime()
        def result = load(padded(PUBLISH, comments(PADDING), edits))
        long ms = (System.nanoTime() - start).intdiv(1_000_000)
        def first = firstError(result)

        then:
        ms < BOUND_MS
        [first.at().line(), first.at().column(), first.code()] == [line + PADDING, column, code]
        first.message() == firstError(reference).message()
        [firstError(reference).at().line(), firstError(reference).at().column()] == [line, column]

        where:
        mistake                     | edits                                                             || line    | column | code
        'an unknown option'         | [(STAGING): "    staging delete: true, chwn: '10004:10005'"]      || STAGING | 27     | 'R104'
        'a syntax error'            | [(PUBLISH): "arches 'x86_64', , 'aarch64'\npublish {"]            || PUBLISH | 16     | 'R101'
        'a syntax error in a block' | [(STAGING): "    staging delete: true,, chown: '10004:10005'"]    || PUBLISH | 9      | 'R101'
        'an unterminated string'    | [(STAGING): "    staging delete: true, chown: '10004:10005"]      || STAGING | 34     | 'R101'
        'a call that would run'     | [(STAGING): "    staging delete: true, chown: 'id -u'.execute()"] || STAGING | 42     | 'R112'
        'an unknown keyword'        | [(PUBLISH): "publsh {"]                                           || PUBLISH | 1      | 'R102'
    }

    def "a mistake after 20,000 comment lines inside a block is reported at its true line and column"() {
        given:
        def edits = [(REPO_EXTRAS + 1): "    repo 'plus', closure: ['BaseOs']"]

        when:
        def padded = load(padded(REPO_EXTRAS + 1, comments(PADDING), edits))
        def reference = load(edited(edits))

        then:
        firstError(padded).with { [at().line(), at().column(), code(), message()] } ==
                firstError(reference).with { [at().line() + PADDING, at().column(), code(), message()] }
        firstError(reference).with { [at().line(), at().column(), code()] } == [REPO_EXTRAS + 1, 28, 'R308']
    }

    def "lines like comments inside a multi-line string stay part of the string"() {
        given:
        String code = (1..40).collect { "// line $it of the code name" }.join('\n')
        def text = baselineWith(1, "release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: '''" + code + "'''")

        when:
        def result = load(text)

        then:
        result.diagnostics().all() == []
        result.recipe().release().code() == code
        CommentRuns.folded(text) == text
    }

    def "lines like comments and code inside a block comment are read as that one comment"() {
        given:
        String block = '/*\n' + (1..40).collect { "// old line $it: repo 'Old$it' '''" }.join('\n') + '\n*/'
        def text = baselineWith(5, block + '\nrepos {')

        when:
        def result = load(text)

        then:
        result.diagnostics().all() == []
        result.recipe().repos()*.name() == ['BaseOS', 'AppStream', 'RT', 'devel']
        result.recipe().repos()[0].origin().at().with { [line(), column()] } == [6 + 42, 5]
    }

    def "a run of comments with characters outside the Basic Multilingual Plane keeps the columns after it"() {
        given: "a code name and comments with emoji: one code point, two chars each"
        def edits = [15: "release 'Rocky Linux', short: 'Rocky', version: '9.7', code: '\uD83D\uDE80 Onyx', bugurl: 'x'",
                     16: '',
                     (STAGING): "    staging delete: true, chwn: '\uD83D\uDE80'"]
        def text = padded(PUBLISH, (1..100).collect { "// \uD83D\uDE80 comment $it \uD83D\uDE80" }, edits)

        when:
        def result = load(text)
        def reference = load(edited(edits))

        then:
        firstError(result).with { [at().line(), at().column(), code()] } == [STAGING + 100, 27, 'R104']
        firstError(reference).with { [at().line(), at().column(), code()] } == [STAGING, 27, 'R104']
    }

    def "folding keeps every line break and every line that is not comment, lines ending with #ends"() {
        given:
        def text = padded(PUBLISH, comments(100), [:]).replace('\n', lineEnd)

        when:
        def folded = CommentRuns.folded(text)

        then:
        folded.length() < text.length()
        folded.count('\n') == text.count('\n')
        folded.count('\r') == text.count('\r')
        def lines = folded.split(lineEnd, -1) as List
        def original = text.split(lineEnd, -1) as List
        (0..<original.size()).findAll { lines[it] != original[it] }
                .every { original[it].isBlank() || original[it].startsWith('//') }

        where:
        ends   | lineEnd
        'LF'   | '\n'
        'CRLF' | '\r\n'
    }

    def "Groovy's parser sees the same tokens at the same lines and columns in the folded text, comment lines put at each line of #name"() {
        given:
        List<String> lines = text.split('\n', -1) as List
        int folds = 0

        expect:
        (0..lines.size()).each { at ->
            String padded = (lines.take(at) + AWKWARD_COMMENTS + lines.drop(at)).join(lineEnd)
            String folded = CommentRuns.folded(padded)
            folds += folded == padded ? 0 : 1
            assert parserTokens(folded) == parserTokens(padded)
        }
        folds > lines.size() / 2

        where:
        name                                              | text                                                         | lineEnd
        'rocky9.groovy'                                   | ROCKY9.join('\n')                                            | '\n'
        'rocky9.groovy, with CRLF'                        | ROCKY9.join('\n')                                            | '\r\n'
        'rocky8.groovy'                                   | rocky('rocky8.groovy')                                       | '\n'
        'rocky9-beta.groovy'                              | rocky('rocky9-beta.groovy')                                  | '\n'
        'the baseline recipe'                             | BASELINE                                                     | '\n'
        'the baseline recipe, a comment ending each line' | BASELINE.readLines().collect { it + '  // note' }.join('\n') | '\n'
    }

    static String rocky(String name) {
        Files.readString(Path.of('../recipes', name))
    }

    /**
     * The tokens the parser reads, as type:line:column:text, with each run of line breaks and comments as one
     * "NL": the grammar takes one or many alike. A lexer error ends the list with its place.
     */
    static List<String> parserTokens(String text) {
        def lexer = new GroovyLangLexer(CharStreams.fromString(text))
        lexer.removeErrorListeners()
        List<String> tokens = []
        try {
            Token token
            do {
                token = lexer.nextToken()
                if (token.channel == Token.DEFAULT_CHANNEL) {
                    String seen = token.type == GroovyLexer.NL ? 'NL'
                            : "${token.type}:${token.line}:${token.charPositionInLine}:${token.text}".toString()
                    if (seen != 'NL' || tokens.isEmpty() || tokens.last() != 'NL') {
                        tokens << seen
                    }
                }
            } while (token.type != Token.EOF)
        } catch (RuntimeException | GroovySyntaxError e) {
            tokens << "error at ${lexer.line}:${lexer.charPositionInLine}".toString()
        }
        tokens
    }

    def "a few comment lines are left as written"() {
        given:
        def text = ROCKY9.join('\n')

        expect:
        CommentRuns.folded(text) == text
        CommentRuns.folded(padded(PUBLISH, comments(4), [:])) == padded(PUBLISH, comments(4), [:])
    }

    static List<String> comments(int count) {
        (1..count).collect { "// padding comment $it".toString() }
    }

    static List<String> blank(int count) {
        (1..count).collect { '' }
    }

    /** rocky9.groovy with its lines {@code edits} replaced (by their own line numbers) and {@code inserted} before line {@code before}. */
    static String padded(int before, List<String> inserted, Map<Integer, String> edits) {
        List<String> lines = []
        ROCKY9.eachWithIndex { String line, int i ->
            if (i + 1 == before) {
                lines.addAll(inserted)
            }
            lines << edits.getOrDefault(i + 1, line)
        }
        lines.join('\n')
    }

    static String edited(Map<Integer, String> edits) {
        padded(0, [], edits)
    }

    static Diagnostic firstError(Recipes.Result result) {
        result.diagnostics().all().find { it.isError() }
    }

    static String shifted(String position, int from) {
        def (line, column) = position.split(':')*.toInteger()
        "${line >= from ? line + PADDING : line}:$column".toString()
    }
}
