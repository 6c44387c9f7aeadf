package dev.agentry.it.probe;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Test-only step of the probe jobs: sleeps (until stopped) or fails, as its properties say. */
@Named
@Dependent
public class ProbeBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String millis;

    @Inject
    @BatchProperty
    String fail;

    private volatile boolean stopped;

    @Override
    public String process() throws Exception {
        if (fail != null && !fail.isBlank()) {
            throw new IllegalStateException(fail);
        }
        long until = System.currentTimeMillis() + (millis == null || millis.isBlank() ? 0 : Long.parseLong(millis));
        while (!stopped && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        return stopped ? "STOPPED" : "SLEPT";
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
