package org.relengine.compile;

import groovyjarjarantlr4.v4.runtime.CharStreams;
import groovyjarjarantlr4.v4.runtime.Token;
import org.apache.groovy.parser.antlr4.GroovyLangLexer;
import org.apache.groovy.parser.antlr4.GroovyLexer;
import org.apache.groovy.parser.antlr4.GroovySyntaxError;

/**
 * Folds each long run of comment and blank lines between statements into one block comment over the same
 * lines, for Groovy's parser to read instead of the recipe's own text.
 *
 * <p>Groovy lets an expression go on after any number of line breaks ({@code foo}, a line break,
 * {@code .bar()}), so after each statement its parser looks ahead through every comment and line break
 * that follows; the cost of that look-ahead grows with the square of their number. 2,000 comment lines
 * before a statement took 4 s to read, 20,000 more than 100 s. A block comment is one token to the
 * parser, however many lines it spans.
 *
 * <p>Every token the parser still sees keeps its line and column: a fold starts after the first line
 * break of a run and ends before its last one, and keeps each line break in between, so only text that
 * was already comment or blank changes. The runs are found with Groovy's own lexer, the one its parser
 * reads with, so a {@code //} inside a string or a block comment is never taken for a comment line.
 */
final class CommentRuns {

    /**
     * Tokens between the first and the last line break of a run (a comment line is two) from which on it is
     * folded. Up to about 50 comment lines cost nothing measurable, 100 about 10 ms, 200 about 60 ms.
     */
    static final int FOLDED_FROM = 16;

    private final int[] text;
    private final StringBuilder folded = new StringBuilder();
    private int copied;

    private CommentRuns(int[] text) {
        this.text = text;
    }

    /** The text with its long runs of comment and blank lines folded; the text itself when it has none. */
    static String folded(String text) {
        CommentRuns runs = new CommentRuns(text.codePoints().toArray());
        runs.scan(new GroovyLangLexer(CharStreams.fromString(text)));
        if (runs.copied == 0) {
            return text;
        }
        return runs.folded.append(new String(runs.text, runs.copied, runs.text.length - runs.copied)).toString();
    }

    /** Token indexes are code points, as in {@link #text}. */
    private void scan(GroovyLangLexer lexer) {
        lexer.removeErrorListeners();
        int afterFirstBreak = -1;
        int lastBreak = -1;
        int tokens = 0;
        int between = 0;
        while (true) {
            Token token;
            try {
                token = lexer.nextToken();
            } catch (RuntimeException | GroovySyntaxError e) {
                return; // Groovy's parser meets the same mistake and reports it, at its place
            }
            if (token.getType() == GroovyLexer.NL && token.getChannel() == Token.DEFAULT_CHANNEL) {
                if (afterFirstBreak >= 0) {
                    if (isLineBreak(token)) {
                        lastBreak = token.getStartIndex();
                        between = tokens;
                    }
                    tokens++;
                } else if (isLineBreak(token)) {
                    afterFirstBreak = token.getStopIndex() + 1;
                }
                continue;
            }
            if (between >= FOLDED_FROM) {
                fold(afterFirstBreak, lastBreak);
            }
            if (token.getType() == Token.EOF) {
                return;
            }
            afterFirstBreak = -1;
            lastBreak = -1;
            tokens = 0;
            between = 0;
        }
    }

    private boolean isLineBreak(Token token) {
        int first = text[token.getStartIndex()];
        return first == '\n' || first == '\r';
    }

    /** Replaces [from, to) by a block comment with the same line breaks. */
    private void fold(int from, int to) {
        folded.append(new String(text, copied, from - copied)).append("/*");
        for (int i = from; i < to; i++) {
            if (text[i] == '\n' || text[i] == '\r') {
                folded.append((char) text[i]);
            }
        }
        folded.append("*/");
        copied = to;
    }
}
