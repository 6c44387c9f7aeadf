package dev.agentry.core.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpSessionsTest {

    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    private McpSessions sessions(int perCredential) {
        McpSessions sessions = new McpSessions();
        sessions.maxPerCredential = perCredential;
        sessions.idle = Duration.ofMinutes(30);
        sessions.clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return sessions;
    }

    @Test
    void aSessionServesOnlyTheCredentialThatOpenedIt() {
        McpSessions sessions = sessions(4);
        McpSession opened = sessions.open("cred-a", "2025-06-18", "client");

        assertTrue(sessions.use(opened.id(), "cred-a").isPresent());
        assertTrue(sessions.use(opened.id(), "cred-b").isEmpty());
        assertFalse(sessions.close(opened.id(), "cred-b"));
        assertTrue(sessions.use(opened.id(), "cred-a").isPresent(), "another's DELETE ends nothing");
        assertTrue(sessions.use(null, "cred-a").isEmpty());
    }

    @Test
    void idsAreLongAndUnguessable() {
        McpSessions sessions = sessions(4);
        String one = sessions.open("cred-a", "2025-06-18", "").id();
        String two = sessions.open("cred-a", "2025-06-18", "").id();
        assertNotEquals(one, two);
        assertEquals(32, one.length());
        assertTrue(one.chars().allMatch(c -> c > 0x20 && c < 0x7f), "visible ASCII");
    }

    @Test
    void overTheBoundTheLeastRecentlyUsedSessionOfThatCredentialEnds() {
        McpSessions sessions = sessions(2);
        McpSession first = sessions.open("cred-a", "2025-06-18", "");
        now = now.plusSeconds(1);
        McpSession second = sessions.open("cred-a", "2025-06-18", "");
        now = now.plusSeconds(1);
        sessions.use(first.id(), "cred-a"); // first is now the more recently used
        McpSession other = sessions.open("cred-b", "2025-06-18", "");
        now = now.plusSeconds(1);
        McpSession third = sessions.open("cred-a", "2025-06-18", "");

        assertTrue(sessions.use(second.id(), "cred-a").isEmpty(), "the least recently used ended");
        assertTrue(sessions.use(first.id(), "cred-a").isPresent());
        assertTrue(sessions.use(third.id(), "cred-a").isPresent());
        assertTrue(sessions.use(other.id(), "cred-b").isPresent(), "another credential's are not counted");
        assertEquals(2, sessions.of("cred-a").size());
    }

    @Test
    void anIdleSessionEndsAndUseKeepsOneAlive() {
        McpSessions sessions = sessions(4);
        McpSession kept = sessions.open("cred-a", "2025-06-18", "");
        McpSession idle = sessions.open("cred-a", "2025-06-18", "");
        now = now.plus(Duration.ofMinutes(20));
        sessions.use(kept.id(), "cred-a");
        now = now.plus(Duration.ofMinutes(20));

        assertTrue(sessions.use(idle.id(), "cred-a").isEmpty());
        assertTrue(sessions.use(kept.id(), "cred-a").isPresent());
        assertEquals(
                List.of(kept.id()),
                sessions.of("cred-a").stream().map(McpSession::id).toList());
    }

    @Test
    void anAdministratorEndsASessionByItsHandleOnlyForItsOwnCredential() {
        McpSessions sessions = sessions(4);
        McpSession opened = sessions.open("cred-a", "2025-06-18", "client");
        McpSession kept = sessions.open("cred-a", "2025-06-18", "client");
        assertEquals(opened.id().substring(0, 8), opened.handle());

        assertFalse(sessions.end("cred-b", opened.handle()), "another credential's handle ends nothing");
        assertFalse(sessions.end("cred-a", opened.id()), "the whole id is not a handle");
        assertFalse(sessions.end("cred-a", null));
        assertTrue(sessions.end("cred-a", opened.handle()));

        assertTrue(sessions.use(opened.id(), "cred-a").isEmpty(), "its client must initialise again");
        assertFalse(sessions.end("cred-a", opened.handle()), "ended once");
        assertTrue(sessions.use(kept.id(), "cred-a").isPresent(), "the credential's other session goes on");
    }

    @Test
    void lookingASessionUpByItsHandleDoesNotUseIt() {
        McpSessions sessions = sessions(4);
        McpSession opened = sessions.open("cred-a", "2025-06-18", "client");
        now = now.plus(Duration.ofMinutes(20));

        assertEquals(opened, sessions.withHandle("cred-a", opened.handle()).orElseThrow());
        now = now.plus(Duration.ofMinutes(20));
        assertTrue(sessions.withHandle("cred-a", opened.handle()).isEmpty(), "idle since it was opened");
    }

    @Test
    void anEndingTakesEffectThroughItsEvent() {
        McpSessions sessions = sessions(4);
        McpSession opened = sessions.open("cred-a", "2025-06-18", "client");

        sessions.ended(new McpSessionEnded("cred-a", opened.handle()));

        assertTrue(sessions.of("cred-a").isEmpty());
    }

    @Test
    void liveSessionsAreCountedPerCredential() {
        McpSessions sessions = sessions(4);
        sessions.open("cred-a", "2025-06-18", "");
        now = now.plus(Duration.ofMinutes(20));
        sessions.open("cred-a", "2025-06-18", "");
        sessions.open("cred-b", "2025-06-18", "");
        assertEquals(Map.of("cred-a", 2, "cred-b", 1), sessions.counts());

        now = now.plus(Duration.ofMinutes(20));
        assertEquals(Map.of("cred-a", 1, "cred-b", 1), sessions.counts(), "the idle one is not counted");
    }
}
