package dev.agentry.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.runs.StopReason;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's wire form, {@code agentry/agent-task-run/v1}, as JSON-B writes {@link RunView}. */
class RunViewTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Test
    void aQueuedRunWritesItsUnknownsAsNullAndLeavesOutTheJobItHasNotGot() {
        AgentRun run = new AgentRun(
                "run_1",
                "cred-1",
                "fixer",
                "key",
                "hash",
                "{\"goal\":\"fix it\",\"timeoutSeconds\":60,\"verifySteps\":[\"test\"]}",
                "[\"catalog:read\"]",
                "[\"read_file\",\"write_file\"]",
                7,
                Instant.parse("2026-12-03T12:00:00.123Z"));

        assertEquals(
                "{\"schema\":\"agentry/agent-task-run/v1\",\"id\":\"run_1\",\"status\":\"queued\",\"outcome\":null,"
                        + "\"stopReason\":null,\"agent\":\"fixer\",\"credentialId\":\"cred-1\",\"cancelRequested\":false,"
                        + "\"createdAt\":\"2026-12-03T12:00:00.123Z\",\"startedAt\":null,\"heartbeatAt\":null,"
                        + "\"deadlineAt\":null,\"finishedAt\":null,\"bundleId\":null,"
                        + "\"effectiveScopes\":[\"catalog:read\"],\"effectiveTools\":[\"read_file\",\"write_file\"],"
                        + "\"failureEvidence\":null,\"timings\":null,\"cleanup\":[],\"retentionDays\":7,"
                        + "\"taskInput\":{\"goal\":\"fix it\",\"timeoutSeconds\":60,\"verifySteps\":[\"test\"]}}",
                JSONB.toJson(RunView.of(run)));
    }

    @Test
    void theEnumsAreWrittenByTheirWireNamesAndLinksComeLastInTheirOrder() {
        RunView view = new RunView(
                RunView.SCHEMA,
                "run_2",
                RunStatus.TIMED_OUT,
                Outcome.TIMEOUT,
                StopReason.COLLECT_BUDGET,
                "fixer",
                "cred-1",
                false,
                Instant.parse("2026-12-03T12:00:00Z"),
                null,
                null,
                null,
                Instant.parse("2026-12-03T12:01:00Z"),
                "bundle",
                List.of(),
                List.of(),
                Map.of("phase", "collect"),
                Map.of("loopMs", 12L),
                List.of(Map.of("at", "x")),
                7,
                Map.of(),
                42L,
                null);

        String json = JSONB.toJson(view.withLinks(Map.of("self", "http://x/runs/run_2")));

        assertEquals(
                "{\"schema\":\"agentry/agent-task-run/v1\",\"id\":\"run_2\",\"status\":\"timed_out\","
                        + "\"outcome\":\"timeout\",\"stopReason\":\"collect_budget\",\"agent\":\"fixer\","
                        + "\"credentialId\":\"cred-1\",\"cancelRequested\":false,\"createdAt\":\"2026-12-03T12:00:00Z\","
                        + "\"startedAt\":null,\"heartbeatAt\":null,\"deadlineAt\":null,"
                        + "\"finishedAt\":\"2026-12-03T12:01:00Z\",\"bundleId\":\"bundle\",\"effectiveScopes\":[],"
                        + "\"effectiveTools\":[],\"failureEvidence\":{\"phase\":\"collect\"},\"timings\":{\"loopMs\":12},"
                        + "\"cleanup\":[{\"at\":\"x\"}],\"retentionDays\":7,\"taskInput\":{},\"jobExecutionId\":42,"
                        + "\"links\":{\"self\":\"http://x/runs/run_2\"}}",
                json);
    }
}
