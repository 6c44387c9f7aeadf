package dev.agentry.batch.runs;

import dev.agentry.core.runs.RunPhases;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** After every agent-task-run execution, however it ended: the run's workspace must not outlive it. */
@Named
@Dependent
public class RunJobListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    RunPhases phases;

    @Override
    public void afterJob() {
        phases.cleanUpIfLeft(runId);
    }
}
