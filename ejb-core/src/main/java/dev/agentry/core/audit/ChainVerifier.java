package dev.agentry.core.audit;

import dev.agentry.core.keys.ServerKey;
import java.util.Iterator;

/**
 * Checks a chain, link by link, from position 1 or from the anchor its removed prefix left: consecutive positions, each link's previous hash
 * equal to the stored hash before it, and each stored hash the HMAC of its canonical text. Any edit,
 * deletion, reordering or insertion breaks one of these at the first position it touches.
 */
public final class ChainVerifier {

    /**
     * The verdict.
     *
     * @param valid whether every link holds
     * @param checked how many links were checked
     * @param firstBrokenSequence the first position that does not hold, or {@code null}
     */
    public record Verdict(boolean valid, long checked, Long firstBrokenSequence) {}

    private ChainVerifier() {}

    /** Walks the links once, in order; they may be produced lazily, so a long chain is never held whole. */
    public static Verdict verify(Iterator<ChainLink> links, ServerKey.Hmac hmac) {
        return verify(links, hmac, null);
    }

    /**
     * Walks the links that follow the anchor ({@code null}: from position 1), the anchor standing for the
     * removed record before the first of them. An anchor whose signature does not hold breaks the chain at
     * its own position.
     */
    public static Verdict verify(Iterator<ChainLink> links, ServerKey.Hmac hmac, ChainAnchor anchor) {
        long start = anchor == null ? 1 : anchor.seq() + 1;
        if (anchor != null && !anchor.holds(hmac)) {
            return new Verdict(false, 0, anchor.seq());
        }
        long expected = start;
        String previous = anchor == null ? null : anchor.hash();
        while (links.hasNext()) {
            ChainLink link = links.next();
            boolean holds = link.seq() == expected
                    && equal(link.prevHash(), previous)
                    && link.hash() != null
                    && hmac.matches(link.canonical(), link.hash());
            if (!holds) {
                return new Verdict(false, expected - start, expected);
            }
            previous = link.hash();
            expected++;
        }
        return new Verdict(true, expected - start, null);
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
