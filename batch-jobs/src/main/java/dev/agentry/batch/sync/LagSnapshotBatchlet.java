package dev.agentry.batch.sync;

import dev.agentry.core.sync.LagHistory;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Snapshots every checkpoint's lag; the exit status says how many breaches it found. */
@Named
@Dependent
public class LagSnapshotBatchlet extends AbstractBatchlet {

    @Inject
    LagHistory history;

    @Override
    public String process() {
        return "BREACHES " + history.snapshot();
    }
}
