/**
 * Incidents (SPEC section 6): signals other features fire ({@link dev.agentry.core.incidents.SignalObserved},
 * {@link dev.agentry.core.incidents.LevelsMeasured}) or this feature samples, judged against warn and critical
 * thresholds from configuration, opened, updated and resolved under a stable id, and published as
 * {@code incident.opened|resolved} events.
 */
package dev.agentry.core.incidents;
