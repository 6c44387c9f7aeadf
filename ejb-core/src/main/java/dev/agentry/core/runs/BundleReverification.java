package dev.agentry.core.runs;

import dev.agentry.core.Boundary;
import dev.agentry.core.artifacts.BundleVerifier;
import dev.agentry.core.artifacts.BundleViolationFound;
import dev.agentry.core.artifacts.Verification;
import dev.agentry.core.artifacts.Violation;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Verifies stored bundles again, as the {@code bundle-verify} job walks them: each finished run's bundle must
 * still match its manifest and the bundle id recorded when it was sealed. A violation is audited and fired as
 * {@link BundleViolationFound}; the bundle is left as found, for whoever investigates.
 */
@Boundary
@Stateless
public class BundleReverification {

    private static final Logger LOG = Logger.getLogger(BundleReverification.class);

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RunWorkspace files;

    @Inject
    AuditTrail audit;

    @Inject
    Event<BundleViolationFound> violations;

    /** Up to {@code limit} ids of runs with a sealed bundle after {@code afterId}, in id order. */
    public List<String> runsWithBundles(String afterId, int limit) {
        return em.createQuery(
                        "select r.id from AgentRun r where r.id > :after and r.bundleId is not null order by r.id",
                        String.class)
                .setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Verifies each run's bundle; returns how many no longer verify. */
    public int reverify(List<String> runIds) {
        int broken = 0;
        for (String id : runIds) {
            AgentRun run = em.find(AgentRun.class, id);
            if (run == null || run.getBundleId() == null) {
                continue; // removed by retention meanwhile
            }
            Verification verdict = BundleVerifier.verify(files.artifacts(id));
            List<Violation> found = new ArrayList<>(verdict.violations());
            if (verdict.valid() && !run.getBundleId().equals(verdict.bundleId())) {
                found.add(new Violation(
                        "bundle_id_mismatch", null, "the bundle is not the one sealed as " + run.getBundleId()));
            }
            if (!found.isEmpty()) {
                broken++;
                audit.action("run.bundle.violation", id);
                LOG.warnf(
                        "The bundle of run %s no longer verifies: %s",
                        id, found.get(0).code());
                violations.fire(new BundleViolationFound(id, run.getBundleId(), found));
            }
        }
        return broken;
    }
}
