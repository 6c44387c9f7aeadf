package dev.agentry.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionActionsTest {

    private static final JobDefinition OPERATED = JobDefinition.operated("retention", "Purges", JobDefinition.OFF);
    private static final JobDefinition SHARED =
            new JobDefinition("diagnostics", "Checks", true, false, false, JobDefinition.OFF, Set.of());
    private static final JobDefinition RUN =
            new JobDefinition("agent-task-run", "Runs", false, true, false, JobDefinition.OFF, Set.of());

    @Test
    void onlyARunningExecutionOfAnOperatorsJobIsStoppable() {
        assertTrue(ExecutionActions.stopRefusal(OPERATED, execution(1, JobStatus.STARTED))
                .isEmpty());
        assertTrue(ExecutionActions.stopRefusal(OPERATED, execution(1, JobStatus.STARTING))
                .isEmpty());
        assertEquals(
                Optional.of("Execution 1 is completed; only a running execution can be stopped."),
                ExecutionActions.stopRefusal(OPERATED, execution(1, JobStatus.COMPLETED)));
    }

    @Test
    void anAgentTaskRunIsNeverStoppedNorRestartedAsAJob() {
        assertTrue(ExecutionActions.stopRefusal(RUN, execution(3, JobStatus.STARTED))
                .orElseThrow()
                .contains("its own API"));
        assertTrue(ExecutionActions.restartRefusal(RUN, execution(3, JobStatus.FAILED), Optional.empty())
                .orElseThrow()
                .contains("its own API"));
    }

    @Test
    void onlyAFailedOrStoppedExecutionIsRestartable() {
        for (JobStatus status : JobStatus.values()) {
            boolean accepted = ExecutionActions.restartRefusal(OPERATED, execution(1, status), Optional.empty())
                    .isEmpty();
            assertEquals(status == JobStatus.FAILED || status == JobStatus.STOPPED, accepted, status.name());
        }
    }

    @Test
    void anExclusiveJobIsNotRestartedWhileAnotherOfItsExecutionsRuns() {
        Optional<JobExecutionView> running = Optional.of(execution(2, JobStatus.STARTED));

        assertEquals(
                Optional.of("Job retention is running (execution 2); one execution of it runs at a time."),
                ExecutionActions.restartRefusal(OPERATED, execution(1, JobStatus.FAILED), running));
        assertTrue(ExecutionActions.restartRefusal(SHARED, execution(1, JobStatus.FAILED), running)
                .isEmpty());
    }

    private static JobExecutionView execution(long id, JobStatus status) {
        return new JobExecutionView(id, "job", status, null, Instant.EPOCH, null, null, Map.of());
    }
}
