package dev.agentry.batch.runs;

import dev.agentry.core.runs.RunPhases;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** One step of an agent task run: which phase is the step's {@code phase} property. */
@Named
@Dependent
public class RunPhaseBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    @BatchProperty
    String phase;

    @Inject
    RunPhases phases;

    @Override
    public String process() {
        switch (phase) {
            case "prepare" -> phases.prepare(runId);
            case "loop" -> phases.loop(runId);
            case "collect" -> phases.collect(runId);
            case "cleanup" -> phases.cleanUp(runId);
            default -> throw new IllegalStateException("agent-task-run has no phase " + phase);
        }
        return BatchStatus.COMPLETED.name();
    }
}
