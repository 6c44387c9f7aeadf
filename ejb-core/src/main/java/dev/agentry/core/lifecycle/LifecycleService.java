package dev.agentry.core.lifecycle;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditBuffer;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.policy.Grant;
import dev.agentry.persistence.policy.Credential;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lifecycle governance (SPEC section 6): every credential the reader may see ({@link Grant#seesCredential})
 * judged by {@link RiskRules}, worst first, and the feature flags as configured.
 */
@Boundary
@Stateless
public class LifecycleService {

    /** How far back a refused token of a revoked credential makes it "revoked, still in use". */
    static final Duration REVOKED_IN_USE_WINDOW = Duration.ofDays(7);

    /** The most credentials judged in one answer: the credentials listing is one page too. */
    static final int MAX_CREDENTIALS = 1000;

    private static final List<String> SEVERITY_ORDER = List.of("critical", "warn", "info");

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditBuffer audit;

    @Inject
    GovernedWrites governedWrites;

    public LifecycleView view(Grant grant, String apiVersion, List<Deprecation> deprecations) {
        return new LifecycleView(apiVersion, deprecations, flags(), risks(grant));
    }

    public List<FeatureFlag> flags() {
        return List.of(new FeatureFlag(
                "governed-writes",
                governedWrites.enabled(),
                GovernedWrites.KEY,
                "Governed writes (experimental): control actions with approvals; off unless enabled"));
    }

    /** The risks of every credential the reader may see, worst first, then by credential. */
    public List<CredentialRisk> risks(Grant grant) {
        Instant now = clock.instant();
        Map<String, Instant> refused = refusedWhileRevoked(now);
        return em
                .createNamedQuery("Credential.listAll", Credential.class)
                .setMaxResults(MAX_CREDENTIALS)
                .getResultList()
                .stream()
                .filter(c -> grant.seesCredential(c.getUid(), c.getScopes()))
                .flatMap(c -> RiskRules.of(CredentialFacts.of(c, now, refused.get(c.getUid())), now).stream())
                .sorted(Comparator.comparingInt((CredentialRisk r) -> SEVERITY_ORDER.indexOf(r.severity()))
                        .thenComparing(CredentialRisk::name)
                        .thenComparing(CredentialRisk::credentialId)
                        .thenComparing(CredentialRisk::risk))
                .toList();
    }

    /** The last refusal of each revoked credential's tokens within the window, from the audit trail. */
    private Map<String, Instant> refusedWhileRevoked(Instant now) {
        // Refusals are written in batches; what was refused a moment ago must count already.
        audit.flush();
        Map<String, Instant> last = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select a.credentialId, max(a.occurredAt) from AuditRecord a"
                                + " where a.errorCode = 'credential_revoked' and a.occurredAt >= :since"
                                + " and a.credentialId is not null group by a.credentialId",
                        Object[].class)
                .setParameter("since", now.minus(REVOKED_IN_USE_WINDOW))
                .getResultList()) {
            last.put((String) row[0], (Instant) row[1]);
        }
        return last;
    }
}
