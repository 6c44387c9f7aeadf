package dev.agentry.core.incidents;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Judges every signal again twice a minute, so a count that left its window or a level that recovered
 * resolves its incident (and sends {@code incident.resolved}) even when nobody reads incidents.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IncidentSchedule {

    @Inject
    IncidentSignals signals;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void evaluate() {
        signals.evaluate();
    }
}
