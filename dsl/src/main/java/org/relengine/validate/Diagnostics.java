package org.relengine.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.relengine.model.Position;

/**
 * The problems found in one pass, in order of position; reporting never stops at the first.
 */
public final class Diagnostics {

    private final Set<Diagnostic> items = new LinkedHashSet<>();

    public Diagnostic error(Problem problem, Position at, int length, String hint, Object... args) {
        return add(new Diagnostic(Severity.ERROR, problem.code(), at, Math.max(1, length), problem.format(args), hint,
                List.of()));
    }

    public Diagnostic error(Problem problem, Position at, int length, String hint, List<Related> related,
                            Object... args) {
        return add(new Diagnostic(Severity.ERROR, problem.code(), at, Math.max(1, length), problem.format(args), hint,
                List.copyOf(related)));
    }

    public Diagnostic warning(Problem problem, Position at, int length, String hint, Object... args) {
        return add(new Diagnostic(Severity.WARNING, problem.code(), at, Math.max(1, length), problem.format(args),
                hint, List.of()));
    }

    public Diagnostic warning(Problem problem, Position at, int length, String hint, List<Related> related,
                              Object... args) {
        return add(new Diagnostic(Severity.WARNING, problem.code(), at, Math.max(1, length), problem.format(args),
                hint, List.copyOf(related)));
    }

    public Diagnostic add(Diagnostic diagnostic) {
        items.add(diagnostic);
        return diagnostic;
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int errorCount() {
        return (int) items.stream().filter(Diagnostic::isError).count();
    }

    public int warningCount() {
        return items.size() - errorCount();
    }

    /** Sorted by file, line and column: the order a reader meets them in. */
    public List<Diagnostic> all() {
        List<Diagnostic> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Diagnostic d) -> d.at().file())
                .thenComparingInt(d -> d.at().line())
                .thenComparingInt(d -> d.at().column()));
        return sorted;
    }
}
