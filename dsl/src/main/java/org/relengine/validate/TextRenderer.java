package org.relengine.validate;

import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics for people: {@code file:line:col: error: message}, a code frame of the recipe
 * with a caret under the exact columns, the hint, related positions, and a closing count. Colour only
 * when asked (a terminal without NO_COLOR).
 */
public final class TextRenderer {

    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[36m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";
    private static final int WINDOW = 70;

    private final Map<String, String> sources;
    private final boolean colour;

    /** @param sources recipe texts by file name, for the code frames */
    public TextRenderer(Map<String, String> sources, boolean colour) {
        this.sources = sources;
        this.colour = colour;
    }

    public String render(List<Diagnostic> diagnostics) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            render(d, text);
            text.append('\n');
        }
        return text.toString();
    }

    public String render(Diagnostic d) {
        StringBuilder text = new StringBuilder();
        render(d, text);
        return text.toString();
    }

    private void render(Diagnostic d, StringBuilder text) {
        String severityColour = d.isError() ? RED : YELLOW;
        text.append(paint(BOLD, d.at().toString())).append(": ")
                .append(paint(severityColour, d.severity().word())).append(": ")
                .append(highlight(d.message())).append(paint(DIM, " [" + d.code() + "]")).append('\n');
        frame(d.at().file(), d.at().line(), d.at().column(), d.length(), severityColour, text);
        if (d.hint() != null) {
            text.append("  = hint: ").append(highlight(d.hint())).append('\n');
        }
        for (Related related : d.related()) {
            text.append("  = note: ").append(related.at()).append(": ").append(related.message()).append('\n');
            frame(related.at().file(), related.at().line(), related.at().column(), 1, CYAN, text);
        }
    }

    private void frame(String file, int line, int column, int length, String caretColour, StringBuilder text) {
        String source = sources.get(file);
        if (source == null || line < 1) {
            return;
        }
        String[] lines = source.split("\r?\n", -1);
        if (line > lines.length) {
            return;
        }
        int width = String.valueOf(Math.min(lines.length, line + 1)).length();
        int from = Math.max(1, line - 2);
        String gutterBlank = " ".repeat(width + 1) + "| ";
        for (int n = from; n <= line; n++) {
            String content = lines[n - 1];
            int offset = 0;
            if (content.length() > WINDOW + 10 && column > WINDOW - 10) {
                offset = Math.max(0, column - WINDOW / 2);
            }
            String shown = window(content, offset);
            String gutter = String.format("%" + width + "d | ", n);
            text.append(paint(DIM, gutter)).append(shown).append('\n');
            if (n == line) {
                int caretColumn = Math.max(0, column - 1 - offset + (offset > 0 ? 1 : 0));
                int span = Math.max(1, Math.min(length, Math.max(1, shown.length() - caretColumn)));
                text.append(paint(DIM, gutterBlank)).append(" ".repeat(caretColumn))
                        .append(paint(caretColour, "^" + "~".repeat(span - 1))).append('\n');
            }
        }
    }

    private static String window(String content, int offset) {
        String shown = content.replace('\t', ' ');
        if (offset > 0) {
            shown = "…" + shown.substring(Math.min(offset, shown.length()));
        }
        if (shown.length() > WINDOW + 10) {
            shown = shown.substring(0, WINDOW + 9) + "…";
        }
        return shown;
    }

    /** Back-quoted identifiers stand out. */
    private String highlight(String message) {
        if (!colour) {
            return message;
        }
        return message.replaceAll("`([^`]*)`", BOLD + "`$1`" + RESET);
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    /** "2 errors and 1 warning in recipes/rocky9.groovy", or "recipes/rocky9.groovy: ok". */
    public static String summary(String file, Diagnostics diagnostics) {
        if (diagnostics.isEmpty()) {
            return file + ": ok";
        }
        String errors = count(diagnostics.errorCount(), "error");
        String warnings = count(diagnostics.warningCount(), "warning");
        String both = diagnostics.warningCount() == 0 ? errors
                : diagnostics.errorCount() == 0 ? warnings : errors + " and " + warnings;
        return file + ": " + both;
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
