package dev.agentry.core.control;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The patterns policies name actions by: the action itself ({@code order.updateStatus}), every action
 * under a prefix ({@code entry.*}), or every action ({@code *}). The most specific pattern that matches
 * governs: the exact name, then the longest prefix, then {@code *}.
 */
public final class PolicyPattern {

    /** What a pattern may look like; whether it selects any deployed action is asked separately. */
    public static final String SYNTAX = "\\*|[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*(\\.\\*)?";

    private static final Pattern VALID = Pattern.compile(SYNTAX);

    private PolicyPattern() {}

    public static boolean valid(String pattern) {
        return pattern != null
                && pattern.length() <= 100
                && VALID.matcher(pattern).matches();
    }

    public static boolean matches(String pattern, String action) {
        if (pattern.equals("*") || pattern.equals(action)) {
            return true;
        }
        return pattern.endsWith(".*") && action.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    /** How specific a matching pattern is: higher wins. */
    static int specificity(String pattern) {
        if (pattern.equals("*")) {
            return 0;
        }
        return pattern.endsWith(".*") ? pattern.length() : 10_000;
    }

    /** Of {@code candidates}, the one whose pattern governs {@code action}, if any matches. */
    public static <T> Optional<T> governing(String action, Collection<T> candidates, Function<T, String> patternOf) {
        return candidates.stream()
                .filter(c -> matches(patternOf.apply(c), action))
                .max(Comparator.comparingInt(c -> specificity(patternOf.apply(c))));
    }
}
