package org.relengine.dsl

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.validate.Problem
import spock.lang.Shared
import spock.lang.Specification

/**
 * The language reference (docs/recipes.md) documents the whole grammar: every keyword of
 * {@link Grammar} has a heading of its own, inside the section of the block it belongs to, and every
 * option is named in its keyword's section. A keyword or option added to the grammar without
 * documentation fails here.
 */
class LanguageReferenceSpec extends Specification {

    /** During {@code mvn test} the working directory is the dsl module; from the checkout root, too. */
    static final Path REFERENCE = [Path.of('..', 'docs', 'recipes.md'), Path.of('docs', 'recipes.md')]
            .collect { it.toAbsolutePath().normalize() }
            .find { Files.isRegularFile(it) } ?: Path.of('..', 'docs', 'recipes.md').toAbsolutePath().normalize()

    @Shared
    Reference reference = Reference.read(REFERENCE)

    def "the language reference exists"() {
        expect:
        Files.isRegularFile(REFERENCE)
        !reference.headings.isEmpty()
    }

    def "keyword `#keyword.name()` #where has a section in the reference"() {
        expect:
        reference.section(keyword) != null

        where:
        keyword << Grammar.allKeywords()
        where = placeOf(keyword)
    }

    def "option `#option` of `#keyword.name()` #where is documented in the keyword's section"() {
        given:
        String section = reference.section(keyword)

        expect:
        section != null
        section.contains('`' + option + '`')

        where:
        [keyword, option] << Grammar.allKeywords().collectMany { k -> k.optionWords().collect { [k, it] } }
        where = placeOf(keyword)
    }

    def "diagnostic #problem.code() is listed in the reference"() {
        expect:
        reference.text.contains('`' + problem.code() + '`')

        where:
        problem << Problem.values().toList()
    }

    /** The blocks a keyword may be written in: one for most keywords, several for {@code remove}. */
    static List<Keyword> blocksOf(Keyword keyword) {
        List<Keyword> blocks = []
        collectBlocks(Grammar.RECIPE, keyword, blocks)
        blocks
    }

    private static void collectBlocks(Keyword parent, Keyword wanted, List<Keyword> into) {
        for (Keyword child : parent.block()) {
            if (child.is(wanted) && !into.any { it.is(parent) }) {
                into << parent
            }
            if (child.hasBlock()) {
                collectBlocks(child, wanted, into)
            }
        }
    }

    static String placeOf(Keyword keyword) {
        List<Keyword> blocks = blocksOf(keyword)
        if (blocks.size() == 1 && blocks[0].is(Grammar.RECIPE)) {
            return 'at the top level'
        }
        'in ' + blocks.collect { it.name() + ' { }' }.join(', ')
    }

    /** The reference as headings and the text under each. */
    static final class Reference {

        /** A heading: its level (number of #), the keyword it is about (its first code span), its lines. */
        static final class Heading {
            int level
            String keyword
            int from
            int to
        }

        final String text
        final List<String> lines
        final List<Heading> headings

        private Reference(String text) {
            this.text = text
            this.lines = text.readLines()
            this.headings = parse(lines)
        }

        static Reference read(Path file) {
            new Reference(Files.isRegularFile(file) ? Files.readString(file) : '')
        }

        private static List<Heading> parse(List<String> lines) {
            List<Heading> found = []
            boolean fenced = false
            lines.eachWithIndex { String line, int i ->
                if (line.startsWith('```')) {
                    fenced = !fenced
                }
                def heading = fenced ? null : (line =~ /^(#{1,6})\s+(.*)$/)
                if (heading) {
                    def span = heading[0][2] =~ /`([A-Za-z]+)/
                    found << new Heading(level: heading[0][1].length(), keyword: span ? span[0][1] : null, from: i)
                }
            }
            found.eachWithIndex { Heading h, int i ->
                Heading next = found.drop(i + 1).find { it.level <= h.level }
                h.to = next == null ? lines.size() : next.from
            }
            found
        }

        /**
         * The text of a keyword's section: the first heading about the keyword, looked for inside the
         * section of its block when it belongs to one block, anywhere for top-level keywords and for
         * keywords of several blocks ({@code remove}). Null when there is none.
         */
        String section(Keyword keyword) {
            List<Keyword> blocks = blocksOf(keyword)
            List<Heading> scope = headings
            if (blocks.size() == 1 && !blocks[0].is(Grammar.RECIPE)) {
                Heading block = headings.find { it.keyword == blocks[0].name() }
                if (block == null) {
                    return null
                }
                scope = headings.findAll { it.from > block.from && it.from < block.to }
            }
            Heading heading = scope.find { it.keyword == keyword.name() }
            heading == null ? null : lines.subList(heading.from, heading.to).join('\n')
        }
    }
}
