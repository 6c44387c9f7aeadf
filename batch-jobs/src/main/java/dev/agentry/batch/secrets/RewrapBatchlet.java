package dev.agentry.batch.secrets;

import dev.agentry.core.secrets.KeyEncryptionKeys;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Seals every row again under the current KEK, a few rows per transaction, until none is left under
 * another. Stopped, it ends at the next transaction boundary; restarted, it simply goes on, since a row
 * already moved is not read again.
 */
@Named
@Dependent
public class RewrapBatchlet extends AbstractBatchlet {

    @Inject
    KeyEncryptionKeys keys;

    private volatile boolean stopRequested;

    @Override
    public String process() {
        while (!stopRequested) {
            if (keys.rewrapSome() == 0) {
                return BatchStatus.COMPLETED.name();
            }
        }
        return BatchStatus.STOPPED.name();
    }

    @Override
    public void stop() {
        stopRequested = true;
    }
}
