package dev.agentry.core.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What incidents are opened from. A {@link Kind#COUNT} signal counts occurrences within the
 * incident window (e.g. refused tokens in the last five minutes); a {@link Kind#LEVEL} signal is a
 * level measured now (e.g. the worst consumer's lag in seconds). Each has default thresholds, which
 * {@code agentry.incidents.<signal>.warn|critical} replace, and the advice an on-call owner reads.
 */
public enum Signal {
    TOKEN_FAILURES(
            Kind.COUNT,
            "requests",
            20,
            100,
            true,
            "Requests refused for a missing, invalid or expired token or an unusable credential",
            "Check the client's configured secret and token refresh; if the attempts are not the owner's, pause or rotate the credential."),
    SCOPE_DENIALS(
            Kind.COUNT,
            "requests",
            10,
            50,
            true,
            "Requests refused because the credential lacks the scope the route or datum needs",
            "Compare the client's calls with its scopes: grant what it legitimately needs, or stop the calls it should not make."),
    RATE_LIMIT_DENIALS(
            Kind.COUNT,
            "requests",
            20,
            200,
            true,
            "Requests refused by the credential's rate limit",
            "Ask the owner to honour Retry-After and back off, or raise the credential's rate limit if the load is expected."),
    SERVER_ERRORS(
            Kind.COUNT,
            "responses",
            5,
            25,
            false,
            "Answers with a 5xx status (internal errors, service unavailable)",
            "Read the server log around the incident's times (by request id) and the readiness checks."),
    WEBHOOK_DEAD_LETTERS(
            Kind.COUNT,
            "deliveries",
            1,
            10,
            false,
            "Webhook deliveries given up on and dead-lettered, per subscription",
            "Check the receiver of the subscription, fix it, then replay the dead letters from /webhooks/dlq."),
    WEBHOOK_BACKLOG_AGE(
            Kind.LEVEL,
            "seconds",
            300,
            3600,
            false,
            "Age of the oldest webhook delivery still waiting to be sent, per subscription",
            "Check the dispatcher's readiness check and the receivers that keep failing; deliveries retry on their schedule."),
    // The same buckets as /sync-state/lag: healthy up to 300 s, warning up to 1800 s, critical beyond.
    // Measured by the sync-state job's snapshots (LevelsMeasured), not sampled by incidents.
    SYNC_LAG(
            Kind.LEVEL,
            "seconds",
            301,
            1801,
            true,
            "Seconds the credential's worst consumer checkpoint is behind the changes feed, as the sync-state job last measured it",
            "Find the stalled consumer in /sync-state/lag and restart or fix it; its checkpoint shows where it stopped."),
    FAILED_RUNS(
            Kind.COUNT,
            "runs",
            3,
            10,
            true,
            "Agent task runs that failed or timed out, per owning credential",
            "Open the failed runs and their transcripts; check the agent, its tools and the seed's verify steps."),
    FAILED_JOBS(
            Kind.COUNT,
            "executions",
            1,
            3,
            false,
            "Batch job executions that failed, per job",
            "Read the job execution's exit status and the server log, then restart the job once the cause is fixed."),
    // Counted, not a level: the bundle stays as found (and audited), the incident tells someone to look.
    BUNDLE_VIOLATIONS(
            Kind.COUNT,
            "bundles",
            1,
            5,
            false,
            "Stored run bundles the bundle-verify job found no longer verifying (bit rot, tampering on disk)",
            "Find the runs in the audit trail (bundle violations found by bundle-verify), compare their bundles with a backup and treat unexplained changes as tampering."),
    AUDIT_CHAIN_FAILURES(
            Kind.LEVEL,
            "broken chains",
            1,
            1,
            false,
            "Whether the last verification of the audit chain found a broken link",
            "Treat as tampering: run POST /audit/verify, keep the database as it is and restore the named record from backup.");

    /** How a signal's value is formed. */
    public enum Kind {
        /** Occurrences within the incident window. */
        COUNT,
        /** A level measured now; the last observation stands until the next. */
        LEVEL
    }

    private final Kind kind;
    private final String unit;
    private final long defaultWarn;
    private final long defaultCritical;
    private final boolean perCredential;
    private final String description;
    private final String advice;

    Signal(
            Kind kind,
            String unit,
            long defaultWarn,
            long defaultCritical,
            boolean perCredential,
            String description,
            String advice) {
        this.kind = kind;
        this.unit = unit;
        this.defaultWarn = defaultWarn;
        this.defaultCritical = defaultCritical;
        this.perCredential = perCredential;
        this.description = description;
        this.advice = advice;
    }

    /** The wire and configuration name, e.g. {@code token_failures}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Signal> named(String wireName) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(wireName))
                .findFirst();
    }

    public Kind kind() {
        return kind;
    }

    public String unit() {
        return unit;
    }

    public Thresholds defaults() {
        return new Thresholds(defaultWarn, defaultCritical);
    }

    /** Whether the subject is a credential's id (or {@link IncidentSignals#UNATTRIBUTED}). */
    public boolean perCredential() {
        return perCredential;
    }

    public String description() {
        return description;
    }

    public String advice() {
        return advice;
    }
}
