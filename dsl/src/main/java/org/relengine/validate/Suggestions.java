package org.relengine.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Did-you-mean: the closest valid name, offered only when the edit distance is at most half the length
 * of the misspelt word (close to the rule Pungi, picocli and Jenkins Declarative use).
 */
public final class Suggestions {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {
    }

    public static Optional<String> closest(String word, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> !c.equals(word))
                .map(c -> new Scored(c, distance(word, c)))
                .filter(s -> s.distance <= Math.max(1, word.length() / 2))
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** "did you mean `x`?" or null. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean `" + c + "`?").orElse(null);
    }

    private static int distance(String a, String b) {
        int plain = DISTANCE.apply(a, b);
        int folded = DISTANCE.apply(a.toLowerCase(java.util.Locale.ROOT), b.toLowerCase(java.util.Locale.ROOT));
        // a difference of case only is the nearest miss there is
        return folded == 0 ? Math.min(plain, 1) : plain;
    }

    private record Scored(String candidate, int distance) {
    }
}
