package dev.agentry.core.secrets;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.signals.ClusterSignals;
import dev.agentry.core.signals.SignalKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key-encryption keys, for operators: which one seals, how many rows each still seals, rotation,
 * and the re-wrap that moves every row to the current KEK and then removes the retired ones.
 */
@Stateless
@Boundary
public class KeyEncryptionKeys {

    /** The batch job that re-wraps every stored secret under the current KEK (batch-jobs module). */
    public static final String REWRAP_JOB = "secrets-rewrap";

    /** The job parameter saying when the rotation that started the re-wrap happened. */
    public static final String ROTATED_AT = "rotatedAt";

    static final int ROWS_PER_TRANSACTION = 20;

    @Inject
    SecretVault vault;

    @Inject
    SealedRows rows;

    @Inject
    AuditTrail audit;

    @Inject
    ClusterSignals signals;

    @Inject
    JobControl jobs;

    @Inject
    Clock clock;

    /**
     * How long a retired KEK stays after the re-wrap, at the least: a transaction that sealed a secret
     * under it just before the rotation may commit until its timeout (WildFly's default: 300 s).
     */
    @Inject
    @ConfigProperty(name = "agentry.secrets.kek-retire-grace", defaultValue = "PT5M")
    Duration retireGrace;

    /** Where the keys stand. */
    public KekStatus status() {
        Map<String, Long> use = rows.kekUse();
        return new KekStatus(vault.kekId(), vault.source(), use, vault.retiredKekIds(), rows.clearRows());
    }

    /**
     * Makes a fresh KEK current (new secrets are sealed under it at once) and starts the re-wrap of
     * every row still sealed under an older one. Audited as {@code secrets.kek.rotate}.
     *
     * @throws AgentryException {@code conflict} if configuration hands the server its KEK
     */
    public KekRotation rotate() {
        SecretVault.KekChange change;
        try {
            change = vault.rotate();
        } catch (KeyRingManagedElsewhere e) {
            throw new AgentryException(ErrorCode.CONFLICT, e.getMessage());
        }
        audit.action("secrets.kek.rotate", change.kekId());
        signals.raise(SignalKind.KEK, change.kekId());
        JobExecutionView job =
                jobs.start(REWRAP_JOB, Map.of(ROTATED_AT, clock.instant().toString()));
        return new KekRotation(change.kekId(), change.previousKekId(), job.executionId());
    }

    /**
     * Starts the re-wrap of every row sealed under a KEK other than the current one, without a rotation:
     * after an operator changed a KEK given by configuration. Audited as {@code secrets.kek.rewrap}.
     */
    public long rewrap() {
        audit.action("secrets.kek.rewrap", vault.kekId());
        // no rotation in this server's life can leave a sealing transaction behind: nothing to wait for
        return jobs.start(
                        REWRAP_JOB,
                        Map.of(ROTATED_AT, clock.instant().minus(retireGrace).toString()))
                .executionId();
    }

    /** Seals up to a few rows again under the current KEK; how many it moved (0 once none is left). */
    public int rewrapSome() {
        return rows.resealUnderCurrentKek(ROWS_PER_TRANSACTION);
    }

    /** How long the re-wrap must still wait before it may remove the KEKs retired by a rotation at {@code rotatedAt}. */
    public Duration retireWait(Instant rotatedAt) {
        Duration left = Duration.between(clock.instant(), rotatedAt.plus(retireGrace));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Removes every retired KEK that no row needs; a KEK still needed stays (a row written under it
     * after the re-wrap passed), and so does one only configuration can remove. Each removal is
     * audited as {@code secrets.kek.destroy}.
     *
     * @return the ids removed and the ids kept
     */
    public Retirement retireUnused() {
        Set<String> inUse = rows.kekIdsInUse();
        List<String> destroyed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String kekId : vault.retiredKekIds()) {
            if (!inUse.contains(kekId) && !kekId.equals(vault.kekId()) && vault.destroy(kekId)) {
                audit.action("secrets.kek.destroy", kekId);
                signals.raise(SignalKind.KEK, kekId);
                destroyed.add(kekId);
            } else {
                kept.add(kekId);
            }
        }
        return new Retirement(destroyed, kept);
    }

    /**
     * What a rotation did.
     *
     * @param kekId the KEK new secrets are sealed under from now on
     * @param previousKekId the one it replaced, kept until no row needs it
     * @param rewrapJobExecutionId the re-wrap job's execution
     */
    public record KekRotation(String kekId, String previousKekId, long rewrapJobExecutionId) {}

    /**
     * What a retirement removed and kept.
     *
     * @param destroyed the retired KEKs removed
     * @param kept the retired KEKs some row still needs
     */
    public record Retirement(List<String> destroyed, List<String> kept) {

        public Retirement {
            destroyed = List.copyOf(destroyed);
            kept = List.copyOf(kept);
        }
    }
}
