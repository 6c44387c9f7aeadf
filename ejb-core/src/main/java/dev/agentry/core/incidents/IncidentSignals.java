package dev.agentry.core.incidents;

import dev.agentry.core.artifacts.BundleViolationFound;
import dev.agentry.core.audit.CallAudited;
import dev.agentry.core.audit.ChainVerified;
import dev.agentry.core.jobs.JobEnded;
import dev.agentry.core.webhooks.WebhookIncident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Where signals become incidents. Features fire {@link SignalObserved} (or, for the dispatcher,
 * {@link WebhookIncident}) and, for a level they measure as a whole, {@link LevelsMeasured}; each
 * observation updates the signal's value for its subject and, only when that crosses a threshold, the
 * incident in {@link IncidentBook}, so the hot path of a refused request costs a map update.
 * {@link #evaluate()} judges everything again — counts leave their window, the webhook backlog is
 * sampled — and runs on every read of incidents and on a timer, so an incident resolves even when
 * nobody looks. A consumer's lag is not sampled here: the sync-state job measures it once per run, for
 * its history and for incidents alike, so both always agree.
 */
@ApplicationScoped
public class IncidentSignals {

    /** The subject of a per-credential signal no verified credential could be named for. */
    public static final String UNATTRIBUTED = "unattributed";

    /** The subject of {@link Signal#BUNDLE_VIOLATIONS}: the stored bundles as a whole. */
    public static final String BUNDLES = "bundles";

    private static final Logger LOG = Logger.getLogger(IncidentSignals.class);

    @Inject
    IncidentSettings settings;

    @Inject
    IncidentBook book;

    @Inject
    LevelSamples samples;

    @Inject
    Clock clock;

    private SignalWindows windows;

    /** The severity of every incident this server knows open: only a change reaches the database. */
    private final Map<SignalWindows.Key, Severity> known = new HashMap<>();

    void observed(@Observes SignalObserved observed) {
        judge(observed);
    }

    /** A refused or failed call the audit trail recorded: counted by the signal its code is, if any. */
    void audited(@Observes CallAudited call) {
        CallSignals.of(call.errorCode())
                .ifPresent(signal -> judge(SignalObserved.once(
                        signal, signal.perCredential() ? call.credentialId() : "api", call.occurredAt())));
    }

    /** A level, not a count: the chain stays broken (and its incident open) until it verifies again. */
    void verified(@Observes ChainVerified verification) {
        judge(new SignalObserved(
                Signal.AUDIT_CHAIN_FAILURES, "audit", verification.valid() ? 0 : 1, verification.verifiedAt()));
    }

    /** The dispatcher's dead letter: one occurrence for its subscription. */
    void deadLettered(@Observes WebhookIncident incident) {
        judge(SignalObserved.once(Signal.WEBHOOK_DEAD_LETTERS, incident.subscriptionId(), clock.instant()));
    }

    /** A failed batch job execution: one occurrence for its job (stopped ones were stopped by someone). */
    void jobEnded(@Observes JobEnded ended) {
        if (ended.failed()) {
            judge(SignalObserved.once(Signal.FAILED_JOBS, ended.jobName(), ended.at()));
        }
    }

    /**
     * A stored bundle that no longer verifies. One incident for all bundles: the run's id would name another
     * credential's run to every incident reader, and the audit trail already names it for whoever may read it.
     */
    void bundleViolated(@Observes BundleViolationFound violation) {
        judge(SignalObserved.once(Signal.BUNDLE_VIOLATIONS, BUNDLES, clock.instant()));
    }

    /**
     * A level measured for every subject at once (the sync-state job's lag snapshot): each subject it names,
     * remembers or has open is judged now, at 0 when it is not named. A failure is logged, never the measuring
     * feature's: its next measurement judges again.
     */
    synchronized void measured(@Observes LevelsMeasured measured) {
        Instant now = clock.instant();
        Set<String> subjects;
        try {
            subjects = sampleLevels(measured.signal(), measured.levels(), now);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The %s levels could not be judged: %s",
                    measured.signal().wireName(), e.getClass().getSimpleName());
            return;
        }
        for (String subject : subjects) {
            SignalWindows.Key key = new SignalWindows.Key(measured.signal(), subject);
            windows().value(key, now).ifPresent(value -> settle(key, value, now, true));
        }
    }

    /** Counts or measures one observation and records the transition it causes, if any. */
    public synchronized void judge(SignalObserved observed) {
        Instant now = clock.instant();
        long value = windows().observe(observed, now);
        settle(new SignalWindows.Key(observed.signal(), observed.subject()), value, now, false);
    }

    /** Samples the levels measured here and judges every remembered signal and open incident again. */
    public synchronized void evaluate() {
        Instant now = clock.instant();
        try {
            sampleLevels(Signal.WEBHOOK_BACKLOG_AGE, samples.backlogAgeSecondsBySubscription(now), now);
        } catch (RuntimeException e) {
            LOG.warnf("Incident levels could not be sampled: %s", e.getClass().getSimpleName());
        }
        Set<SignalWindows.Key> keys = new LinkedHashSet<>(windows().keys());
        for (SignalWindows.Key open : book.open()) {
            // Open before this server started (or in another): judged like any, resolved if quiet.
            known.putIfAbsent(open, Severity.WARN);
            keys.add(open);
        }
        keys.addAll(known.keySet());
        for (SignalWindows.Key key : keys) {
            windows().value(key, now).ifPresent(value -> settle(key, value, now, true));
        }
    }

    /**
     * Observes a sampled level for every subject measured and 0 for every subject remembered or open but no
     * longer measured (its consumer caught up, its backlog drained), so its incident resolves; returns them all.
     */
    private Set<String> sampleLevels(Signal signal, Map<String, Long> measured, Instant now) {
        Set<String> subjects = new LinkedHashSet<>(measured.keySet());
        windows().keys().stream().filter(key -> key.signal() == signal).forEach(key -> subjects.add(key.subject()));
        book.open().stream().filter(key -> key.signal() == signal).forEach(key -> {
            // Open before this server started (or in another): judged like any, resolved if quiet.
            known.putIfAbsent(key, Severity.WARN);
            subjects.add(key.subject());
        });
        for (String subject : subjects) {
            windows().observe(new SignalObserved(signal, subject, measured.getOrDefault(subject, 0L), now), now);
        }
        return subjects;
    }

    /**
     * Records the incident's transition when the value reaches another severity; with {@code refresh}
     * also the value of an open one. A failure to record is logged and retried by the next judgement.
     */
    private void settle(SignalWindows.Key key, long value, Instant now, boolean refresh) {
        Optional<Severity> reached = settings.thresholds(key.signal()).severityOf(value);
        Severity before = known.get(key);
        if (before == reached.orElse(null) && !(refresh && before != null)) {
            return;
        }
        try {
            book.assess(key.signal(), key.subject(), value, settings.thresholds(key.signal()), now)
                    .ifPresentOrElse(severity -> known.put(key, severity), () -> known.remove(key));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The %s incident about %s could not be recorded: %s",
                    key.signal().wireName(), key.subject(), e.getClass().getSimpleName());
        }
    }

    private SignalWindows windows() {
        if (windows == null) {
            windows = new SignalWindows(settings.window());
        }
        return windows;
    }
}
