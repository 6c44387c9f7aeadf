package dev.agentry.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.core.policy.CredentialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static CredentialFacts facts(
            CredentialStatus status, long createdDaysAgo, Long usedDaysAgo, Long rotatedDaysAgo, boolean expires) {
        return new CredentialFacts(
                "c-1",
                "sync",
                status,
                daysAgo(createdDaysAgo),
                expires ? NOW.plus(Duration.ofDays(10)) : null,
                usedDaysAgo == null ? null : daysAgo(usedDaysAgo),
                rotatedDaysAgo == null ? daysAgo(createdDaysAgo) : daysAgo(rotatedDaysAgo),
                List.of("10.0.0.0/8"),
                List.of("entries:read"),
                null);
    }

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Map<String, String> risks(CredentialFacts facts) {
        Map<String, String> found = new TreeMap<>();
        RiskRules.of(facts, NOW).forEach(r -> found.put(r.risk(), r.severity()));
        return found;
    }

    @Test
    void aFreshUsedExpiringCredentialCarriesNoRisk() {
        assertEquals(Map.of(), risks(facts(CredentialStatus.ACTIVE, 1, 0L, null, true)));
    }

    @Test
    void staleAndNeverUsedCrossThirtyAndNinetyDays() {
        assertEquals(Map.of(), risks(facts(CredentialStatus.ACTIVE, 40, 29L, 1L, true)));
        assertEquals(Map.of("stale", "warn"), risks(facts(CredentialStatus.ACTIVE, 40, 30L, 1L, true)));
        assertEquals(Map.of("stale", "critical"), risks(facts(CredentialStatus.ACTIVE, 100, 90L, 1L, true)));
        assertEquals(Map.of(), risks(facts(CredentialStatus.ACTIVE, 29, null, null, true)));
        assertEquals(Map.of("never_used", "warn"), risks(facts(CredentialStatus.ACTIVE, 30, null, 1L, true)));
        assertEquals(Map.of("never_used", "critical"), risks(facts(CredentialStatus.ACTIVE, 90, null, 1L, true)));
    }

    @Test
    void rotationIsDueAtFortyFiveDaysAndOverdueAtOneHundredTwenty() {
        assertEquals(Map.of(), risks(facts(CredentialStatus.ACTIVE, 200, 0L, 44L, true)));
        assertEquals(Map.of("rotation_due", "warn"), risks(facts(CredentialStatus.ACTIVE, 200, 0L, 45L, true)));
        assertEquals(
                Map.of("rotation_overdue", "critical"), risks(facts(CredentialStatus.ACTIVE, 200, 0L, 120L, true)));
        assertEquals(Map.of("rotation_due", "warn"), risks(facts(CredentialStatus.ACTIVE, 50, 0L, null, true)));
    }

    @Test
    void statusRisks() {
        assertEquals(Map.of("no_expiry", "warn"), risks(facts(CredentialStatus.ACTIVE, 1, 0L, null, false)));
        assertEquals(Map.of("paused", "warn"), risks(facts(CredentialStatus.PAUSED, 1, 0L, null, true)));
        assertEquals(Map.of("expired", "critical"), risks(facts(CredentialStatus.EXPIRED, 300, null, null, true)));
        assertEquals(Map.of("revoked", "info"), risks(facts(CredentialStatus.REVOKED, 300, null, null, false)));
        CredentialFacts presenting = new CredentialFacts(
                "c-2", "old", CredentialStatus.REVOKED, daysAgo(5), null, null, daysAgo(5), List.of(), List.of(), NOW);
        assertEquals(Map.of("revoked_in_use", "critical"), risks(presenting));
    }

    @Test
    void anEmptyAllowlistIsARiskOnlyWithSensitiveScopes() {
        CredentialFacts open = new CredentialFacts(
                "c-3",
                "crm",
                CredentialStatus.ACTIVE,
                daysAgo(1),
                NOW.plus(Duration.ofDays(9)),
                NOW,
                daysAgo(1),
                List.of(),
                List.of("users:read", "users:read_sensitive"),
                null);
        assertEquals(Map.of("allowlist_empty", "warn"), risks(open));
        CredentialFacts harmless = new CredentialFacts(
                "c-4",
                "tags",
                CredentialStatus.ACTIVE,
                daysAgo(1),
                NOW.plus(Duration.ofDays(9)),
                NOW,
                daysAgo(1),
                List.of(),
                List.of("tags:read"),
                null);
        assertEquals(Map.of(), risks(harmless));
    }
}
