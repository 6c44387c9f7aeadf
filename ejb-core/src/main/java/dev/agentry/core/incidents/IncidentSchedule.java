package dev.agentry.core.incidents;

import dev.agentry.core.cluster.ClusterLeases;
import dev.agentry.core.cluster.Duty;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Judges every signal again twice a minute, so a count that left its window or a level that recovered
 * resolves its incident (and sends {@code incident.resolved}) even when nobody reads incidents. On the node
 * holding the {@link Duty#INCIDENTS} lease only, so two nodes never judge (and announce) the same at once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IncidentSchedule {

    @Inject
    IncidentSignals signals;

    @Inject
    ClusterLeases leases;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void evaluate() {
        if (leases.holds(Duty.INCIDENTS)) {
            signals.evaluate();
        }
    }
}
