package dev.agentry.batch.secrets;

import dev.agentry.core.secrets.KeyEncryptionKeys;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;

/**
 * Removes the retired KEKs no row needs. It first waits out the grace after the rotation (a transaction
 * that sealed under the old KEK just before it may still commit) and re-wraps once more what such a
 * transaction left; a KEK some row still needs is kept, and the exit status says so.
 */
@Named
@Dependent
public class RetireKeksBatchlet extends AbstractBatchlet {

    private static final Duration POLL = Duration.ofMillis(500);

    @Inject
    KeyEncryptionKeys keys;

    @Inject
    @BatchProperty
    String rotatedAt;

    private volatile boolean stopRequested;

    @Override
    public String process() throws InterruptedException {
        Instant rotation = Instant.parse(rotatedAt);
        for (Duration wait = keys.retireWait(rotation); !wait.isZero(); wait = keys.retireWait(rotation)) {
            if (stopRequested) {
                return BatchStatus.STOPPED.name();
            }
            Thread.sleep(Math.min(wait.toMillis(), POLL.toMillis()));
        }
        while (keys.rewrapSome() > 0) {
            if (stopRequested) {
                return BatchStatus.STOPPED.name();
            }
        }
        KeyEncryptionKeys.Retirement retirement = keys.retireUnused();
        return retirement.kept().isEmpty()
                ? "COMPLETED: removed " + retirement.destroyed()
                : "COMPLETED: removed " + retirement.destroyed() + ", kept " + retirement.kept() + " (still in use)";
    }

    @Override
    public void stop() {
        stopRequested = true;
    }
}
