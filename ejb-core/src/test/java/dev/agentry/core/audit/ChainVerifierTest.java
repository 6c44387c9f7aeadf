package dev.agentry.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.keys.ServerKey;
import dev.agentry.persistence.audit.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Property test: whatever is done to stored records, the verifier names the first position it touched. */
class ChainVerifierTest {

    private static final ServerKey.Hmac KEY = new ServerKey.Hmac(new byte[32]);
    private static final ServerKey.Hmac OTHER_KEY = new ServerKey.Hmac("another key that is long enough!!".getBytes());

    @Test
    void anUntouchedChainIsValidAndEveryLinkIsChecked() {
        List<ChainLink> chain = chain(new Random(1), 50);

        ChainVerifier.Verdict verdict = ChainVerifier.verify(chain.iterator(), KEY);

        assertTrue(verdict.valid());
        assertEquals(50, verdict.checked());
        assertNull(verdict.firstBrokenSequence());
    }

    @Test
    void theSameChainUnderAnotherKeyIsBrokenAtItsFirstLink() {
        assertEquals(
                1L,
                ChainVerifier.verify(chain(new Random(2), 5).iterator(), OTHER_KEY)
                        .firstBrokenSequence());
    }

    @RepeatedTest(400)
    void anyTamperingIsDetectedAtTheFirstPositionItTouches(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<ChainLink> chain = chain(random, 2 + random.nextInt(40));
        int position = random.nextInt(chain.size()); // 0-based index of the first touched link
        List<ChainLink> tampered = new ArrayList<>(chain);
        String kind;
        switch (random.nextInt(5)) {
            case 0 -> { // edit a field, keep the stored hash
                ChainLink link = tampered.get(position);
                tampered.set(
                        position,
                        new ChainLink(
                                link.seq(),
                                link.prevHash(),
                                link.hash(),
                                link.canonical().replace("\"outcome\":\"", "\"outcome\":\"x")));
                kind = "edit";
            }
            case 1 -> { // edit a field and recompute the hash with a guessed key
                ChainLink link = tampered.get(position);
                String canonical = link.canonical().replace("\"outcome\":\"", "\"outcome\":\"y");
                tampered.set(
                        position, new ChainLink(link.seq(), link.prevHash(), OTHER_KEY.sign(canonical), canonical));
                kind = "edit and re-sign";
            }
            case 2 -> { // delete, optionally renumbering what follows
                tampered.remove(position);
                if (random.nextBoolean()) {
                    renumber(tampered, position);
                }
                kind = "delete";
            }
            case 3 -> { // move a later record to this position
                if (chain.size() < 2 || position == chain.size() - 1) {
                    position = 0;
                }
                int later = position + 1 + random.nextInt(chain.size() - position - 1);
                ChainLink moved = tampered.remove(later);
                tampered.add(position, moved);
                if (random.nextBoolean()) {
                    renumber(tampered, position);
                }
                kind = "reorder";
            }
            default -> { // insert a forged record, renumbering what follows
                ChainLink before = position == 0 ? null : tampered.get(position - 1);
                String canonical = "{\"forged\":" + random.nextInt() + "}";
                tampered.add(
                        position,
                        new ChainLink(
                                position + 1,
                                before == null ? null : before.hash(),
                                OTHER_KEY.sign(canonical),
                                canonical));
                renumber(tampered, position + 1);
                kind = "insert";
            }
        }
        if (kind.equals("delete") && position == chain.size() - 1) {
            // Deleting the newest record leaves a shorter valid chain: detected by the count, not the links.
            assertEquals(
                    chain.size() - 1,
                    ChainVerifier.verify(tampered.iterator(), KEY).checked());
            return;
        }

        ChainVerifier.Verdict verdict = ChainVerifier.verify(tampered.iterator(), KEY);

        assertFalse(verdict.valid(), kind + " at " + (position + 1));
        assertEquals(position + 1L, verdict.firstBrokenSequence(), kind);
        assertEquals(position, verdict.checked(), kind);
    }

    private static void renumber(List<ChainLink> links, int from) {
        for (int i = from; i < links.size(); i++) {
            ChainLink l = links.get(i);
            links.set(i, new ChainLink(i + 1, l.prevHash(), l.hash(), l.canonical()));
        }
    }

    /** A chain built exactly as the chainer builds it. */
    @Test
    void aChainWhoseOldestLinksWereRemovedVerifiesFromItsSignedAnchor() {
        List<ChainLink> chain = chain(new Random(3), 10);
        ChainAnchor anchor = ChainAnchor.signed(4, chain.get(3).hash(), Instant.EPOCH, KEY);

        ChainVerifier.Verdict verdict =
                ChainVerifier.verify(chain.subList(4, 10).iterator(), KEY, anchor);

        assertTrue(verdict.valid(), verdict.toString());
        assertEquals(6, verdict.checked());
    }

    @Test
    void anAnchorThatIsForgedMovedOrLeavesAGapBreaksTheChain() {
        List<ChainLink> chain = chain(new Random(4), 10);
        ChainAnchor anchor = ChainAnchor.signed(4, chain.get(3).hash(), Instant.EPOCH, KEY);
        List<ChainLink> kept = chain.subList(4, 10);

        ChainAnchor unsigned = new ChainAnchor(4, chain.get(3).hash(), Instant.EPOCH, "0".repeat(64));
        assertEquals(4L, ChainVerifier.verify(kept.iterator(), KEY, unsigned).firstBrokenSequence());
        ChainAnchor moved = new ChainAnchor(6, anchor.hash(), anchor.anchoredAt(), anchor.signature());
        assertEquals(6L, ChainVerifier.verify(kept.iterator(), KEY, moved).firstBrokenSequence());
        ChainAnchor otherKey = ChainAnchor.signed(4, chain.get(3).hash(), Instant.EPOCH, OTHER_KEY);
        assertEquals(4L, ChainVerifier.verify(kept.iterator(), KEY, otherKey).firstBrokenSequence());
        // Records removed beyond the anchor: the first kept link is not the one after it.
        assertEquals(
                5L,
                ChainVerifier.verify(chain.subList(5, 10).iterator(), KEY, anchor)
                        .firstBrokenSequence());
        // An anchor over another record's hash: the first kept link does not follow it.
        ChainAnchor wrongHash = ChainAnchor.signed(4, chain.get(2).hash(), Instant.EPOCH, KEY);
        assertFalse(ChainVerifier.verify(kept.iterator(), KEY, wrongHash).valid());
    }

    private static List<ChainLink> chain(Random random, int length) {
        List<ChainLink> links = new ArrayList<>();
        String previous = null;
        for (int seq = 1; seq <= length; seq++) {
            AuditRecord record = new AuditRecord(
                    Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000)),
                    "credential",
                    "agc_" + random.nextInt(1000),
                    "c-" + random.nextInt(100),
                    "10.0.0." + random.nextInt(255),
                    "req-" + random.nextInt(),
                    "GET /api/v1/auth/whoami",
                    null,
                    "audit:read",
                    null,
                    random.nextBoolean() ? "success" : "denied",
                    null,
                    (long) random.nextInt(50));
            String hash = KEY.sign(ChainLink.canonical(record, seq, previous));
            record.chain(seq, previous, hash);
            links.add(ChainLink.of(record));
            previous = hash;
        }
        return links;
    }
}
