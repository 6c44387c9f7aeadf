package dev.agentry.core.lifecycle;

import dev.agentry.core.policy.CredentialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lifecycle risk rules (SPEC section 6), one place: each names a risk, its severity and the action
 * that removes it. Thresholds: unused for 30 days is stale (warn), for 90 critical; a secret older
 * than 45 days is due for rotation (warn), older than 120 overdue (critical).
 */
final class RiskRules {

    static final Duration STALE = Duration.ofDays(30);
    static final Duration LONG_STALE = Duration.ofDays(90);
    static final Duration ROTATION_DUE = Duration.ofDays(45);
    static final Duration ROTATION_OVERDUE = Duration.ofDays(120);

    /** Scopes that reach personal data or other credentials: an unbounded address range is a risk for them. */
    private static final Set<String> SENSITIVE = Set.of("credentials:manage", "runs:admin", "webhooks:dlq:replay");

    private RiskRules() {}

    static List<CredentialRisk> of(CredentialFacts c, Instant now) {
        List<CredentialRisk> risks = new ArrayList<>();
        switch (c.status()) {
            case EXPIRED ->
                risks.add(risk(
                        c,
                        "expired",
                        "critical",
                        "Revoke it, or give it a new expiry (ttlDays) if its client still needs it.",
                        c.expiresAt()));
            case REVOKED -> {
                if (c.refusedWhileRevoked() != null) {
                    risks.add(risk(
                            c,
                            "revoked_in_use",
                            "critical",
                            "A client still presents its tokens and is refused: find that client and give it"
                                    + " another credential or stop it.",
                            c.refusedWhileRevoked()));
                } else {
                    risks.add(risk(
                            c, "revoked", "info", "Delete it once its audit trail no longer needs the name.", null));
                }
            }
            case PAUSED, ACTIVE -> {
                if (c.status() == CredentialStatus.PAUSED) {
                    risks.add(risk(
                            c, "paused", "warn", "Resume it if its client is trusted again, else revoke it.", null));
                }
                usable(c, now, risks);
            }
        }
        return risks;
    }

    private static void usable(CredentialFacts c, Instant now, List<CredentialRisk> risks) {
        if (c.expiresAt() == null) {
            risks.add(risk(c, "no_expiry", "warn", "Give it an expiry (ttlDays) and rotate before it.", null));
        }
        if (c.lastUsedAt() == null) {
            Duration age = Duration.between(c.createdAt(), now);
            if (age.compareTo(STALE) >= 0) {
                risks.add(risk(
                        c,
                        "never_used",
                        age.compareTo(LONG_STALE) >= 0 ? "critical" : "warn",
                        "Revoke it unless its client is about to start.",
                        c.createdAt()));
            }
        } else {
            Duration idle = Duration.between(c.lastUsedAt(), now);
            if (idle.compareTo(STALE) >= 0) {
                risks.add(risk(
                        c,
                        "stale",
                        idle.compareTo(LONG_STALE) >= 0 ? "critical" : "warn",
                        "Ask its owner whether its client still runs; revoke it if not.",
                        c.lastUsedAt()));
            }
        }
        Duration secretAge = Duration.between(c.secretSince(), now);
        if (secretAge.compareTo(ROTATION_OVERDUE) >= 0) {
            risks.add(risk(
                    c,
                    "rotation_overdue",
                    "critical",
                    "Rotate its secret now (POST /credentials/{id}/rotate); the old one stays valid for the overlap.",
                    c.secretSince().plus(ROTATION_OVERDUE)));
        } else if (secretAge.compareTo(ROTATION_DUE) >= 0) {
            risks.add(risk(
                    c,
                    "rotation_due",
                    "warn",
                    "Rotate its secret (POST /credentials/{id}/rotate) and roll the new one out.",
                    c.secretSince().plus(ROTATION_DUE)));
        }
        if (c.ipAllowlist().isEmpty() && c.scopes().stream().anyMatch(RiskRules::sensitive)) {
            risks.add(risk(
                    c,
                    "allowlist_empty",
                    "warn",
                    "It holds sensitive scopes from anywhere: restrict its IP allowlist to its client's addresses.",
                    null));
        }
    }

    static boolean sensitive(String scope) {
        return scope.endsWith(":read_sensitive") || SENSITIVE.contains(scope);
    }

    private static CredentialRisk risk(CredentialFacts c, String risk, String severity, String action, Instant since) {
        return new CredentialRisk(c.credentialId(), c.name(), c.status().wireName(), risk, severity, action, since);
    }
}
