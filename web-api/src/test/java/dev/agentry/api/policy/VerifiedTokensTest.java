package dev.agentry.api.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void aVerifiedTokenIsReusedUntilItsExpiryAndNotASecondLonger() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        tokens.remember("a.b.c", "principal", 1_060);

        assertEquals(Optional.of("principal"), tokens.find("a.b.c"));
        now.set(1_059);
        assertEquals(Optional.of("principal"), tokens.find("a.b.c"));
        now.set(1_060);
        assertEquals(Optional.empty(), tokens.find("a.b.c"));
        assertEquals(0, tokens.size(), "an expired entry is dropped when met");
    }

    @Test
    void onlyTheExactTokenTextMatches() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        tokens.remember("a.b.c", "principal", 2_000);

        assertTrue(tokens.find("a.b.d").isEmpty());
        assertTrue(tokens.find("a.b.c ").isEmpty());
    }

    @Test
    void anAlreadyExpiredTokenIsNeverRemembered() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        tokens.remember("a.b.c", "principal", 1_000);

        assertEquals(0, tokens.size());
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseNewTokensAreNotKept() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(2, now::get);
        tokens.remember("short", "1", 1_010);
        tokens.remember("long", "2", 5_000);
        tokens.remember("third", "3", 5_000);
        assertTrue(tokens.find("third").isEmpty(), "full: not kept");

        now.set(1_010);
        tokens.remember("third", "3", 5_000);
        assertEquals(Optional.of("3"), tokens.find("third"), "the expired entry was swept");
        assertEquals(2, tokens.size());
    }

    @Test
    void aCapacityOfZeroTurnsTheCacheOff() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(0, now::get);
        tokens.remember("a.b.c", "principal", 2_000);

        assertTrue(tokens.find("a.b.c").isEmpty());
    }
}
