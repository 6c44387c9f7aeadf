package dev.agentry.core.runs;

import dev.agentry.core.agentloop.TokenUsage;
import dev.agentry.core.artifacts.BundleId;
import dev.agentry.core.artifacts.BundleWriter;
import dev.agentry.core.artifacts.ChangedFile;
import dev.agentry.core.artifacts.UnifiedDiff;
import dev.agentry.core.json.JsonTree;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sandbox.Baseline;
import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.core.sandbox.StepResult;
import dev.agentry.core.sandbox.WorkBudget;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.StopReason;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Writes a run's artifact bundle (SPEC section 9) from its workspace, baseline and evidence, and
 * seals it last. The patch is redacted like everything else: a secret the agent wrote into a file
 * does not leave the server through the bundle.
 */
@ApplicationScoped
class RunBundle {

    /**
     * The sealed bundle's id, how many files changed, and what sealing took.
     *
     * @param stoppedBy null when the patch has every change, else the budget that ran out (time, bytes)
     */
    public record Sealed(String bundleId, int changed, Map<String, Long> timings, String stoppedBy) {}

    @Inject
    RunWorkspace files;

    @Inject
    Clock clock;

    @Resource(lookup = RunScheduler.FILE_WORKERS)
    ManagedExecutorService fileWorkers;

    /**
     * Writes and seals the bundle within the budget. When the budget runs out while hashing or diffing,
     * the bundle keeps the changes done so far (marked incomplete) and the run is timed out.
     *
     * @throws WorkBudget.Exhausted when the run was stopped from outside: there is nothing to seal for it
     */
    Sealed write(ActiveRun run, AgentRun row, LongUnaryOperator elapsed, WorkBudget budget) {
        Path artifacts = files.artifacts(run.id);
        SeedCopy.delete(artifacts); // a bundle is written once, whole
        BundleWriter bundle = new BundleWriter(artifacts);
        long diffStarted = System.nanoTime();
        Baseline baseline = run.baseline == null ? Baseline.of(Map.of()) : run.baseline;
        Path workspace = files.workspace(run.id);
        // Without a baseline the seed never arrived whole: a half-copied workspace is no change of the run's.
        Baseline current = baseline;
        UnifiedDiff.Result diff;
        long hashMs;
        try {
            if (run.baseline != null && Files.isDirectory(workspace)) {
                // A file still the seed's own, unwritten, is not read again: its hash is the baseline's.
                current = SeedCopy.scan(workspace, fileWorkers, budget, baseline);
            }
            hashMs = elapsed.applyAsLong(diffStarted);
            diff = UnifiedDiff.between(
                    run.baselineDir == null ? files.baseline(run.id) : run.baselineDir,
                    baseline,
                    workspace,
                    current,
                    budget,
                    run.redactor::redact);
        } catch (WorkBudget.Exhausted e) {
            if (e.stopped()) {
                throw e;
            }
            hashMs = elapsed.applyAsLong(diffStarted);
            diff = new UnifiedDiff.Result(new byte[0], List.of(), e.reason());
        }
        long diffMs = elapsed.applyAsLong(diffStarted) - hashMs;
        if (!diff.complete()) {
            run.fail(
                    Outcome.TIMEOUT,
                    "collect",
                    "Collecting the artifacts ran out of its "
                            + (WorkBudget.BYTES.equals(diff.stoppedBy()) ? "bytes" : "time")
                            + " budget; the bundle has the " + diff.files().size() + " changed files done by then.");
            run.stopReason = StopReason.COLLECT_BUDGET;
        }
        long writeStarted = System.nanoTime();

        JsonArrayBuilder changed = Jsonp.createArrayBuilder();
        for (ChangedFile file : diff.files()) {
            JsonObjectBuilder entry = Jsonp.createObjectBuilder()
                    .add("path", file.path())
                    .add("change", file.change())
                    .add("binary", file.binary());
            entry.add("before", file.before() == null ? Jsonp.createValue("") : Jsonp.createValue(file.before()));
            entry.add("after", file.after() == null ? Jsonp.createValue("") : Jsonp.createValue(file.after()));
            changed.add(entry);
        }
        bundle.add(
                BundleId.CHANGED_FILES,
                "changed-files",
                Jsonp.createObjectBuilder()
                        .add("schema", "agentry/changed-files/v1")
                        .add("count", diff.files().size())
                        .add("complete", diff.complete())
                        .add("files", changed)
                        .add("skipped", Jsonp.createArrayBuilder(current.skipped()))
                        .build()
                        .toString());
        bundle.add(BundleId.PATCH, "patch", diff.patch()); // redacted file by file by the diff
        bundle.add("files/test-results.json", "test-results", testResults(run.evidence.steps()));
        String status = run.outcome == null
                ? (diff.files().isEmpty() ? Outcome.NO_OP : Outcome.SUCCEEDED).wire()
                : run.outcome.wire();
        bundle.add(
                "files/agent-result.json",
                "agent-result",
                Jsonp.createObjectBuilder()
                        .add("schema", "agentry/agent-result/v1")
                        .add(
                                "status",
                                run.loop == null
                                        ? "not_started"
                                        : run.loop.finalStatus() == null ? "incomplete" : run.loop.finalStatus())
                        .add(
                                "finalResult",
                                run.loop == null || run.loop.finalResult() == null ? "" : run.loop.finalResult())
                        .add(
                                "stopReason",
                                run.loop == null ? "" : run.loop.stopReason().wire())
                        .add("turns", run.loop == null ? 0 : run.loop.turns())
                        .add("pendingApprovals", Jsonp.createArrayBuilder(run.proposals))
                        .add("toolCalls", run.loop == null ? 0 : run.loop.toolCalls())
                        .add("usage", RunPhases.usageJson(run.loop == null ? TokenUsage.NONE : run.loop.usage()))
                        .build()
                        .toString());
        JsonObjectBuilder outcome = Jsonp.createObjectBuilder()
                .add("schema", "agentry/completion-outcome/v1")
                .add("status", status)
                .add("changedFiles", diff.files().size());
        if (run.failureEvidence != null) {
            outcome.add("failureEvidence", run.failureEvidence);
        }
        bundle.add(
                "files/completion-outcome.json",
                "completion-outcome",
                run.redactor.redact(outcome.build().toString()));
        copyEvidence(run, bundle);
        bundle.add(
                "metadata.json",
                "metadata",
                run.redactor.redact(metadata(run, row, current).toString()));
        long writeMs = elapsed.applyAsLong(writeStarted);
        long sealStarted = System.nanoTime();
        String id = bundle.seal(run.id, clock.instant().toString());
        return new Sealed(
                id,
                diff.files().size(),
                Map.of(
                        "hashMs", hashMs,
                        "diffMs", diffMs,
                        "writeMs", writeMs,
                        "sealMs", elapsed.applyAsLong(sealStarted)),
                diff.stoppedBy());
    }

    /** The evidence written during the run, under the names SPEC section 9 gives them. */
    private void copyEvidence(ActiveRun run, BundleWriter bundle) {
        Path evidence = run.evidence.directory();
        for (Path file : RunWorkspace.plainFiles(evidence)) {
            String name = evidence.relativize(file).toString().replace('\\', '/');
            if (name.equals(RunEvidence.TRANSCRIPT_LINES) || name.equals(RunEvidence.TOOL_CALL_LINES)) {
                continue; // carried as the two transcripts below
            }
            String kind = switch (name) {
                case RunEvidence.EVENTS -> "events";
                case RunEvidence.COMMANDS -> "commands";
                default -> "log";
            };
            try {
                bundle.add(name, kind, Files.readAllBytes(file)); // written through the redactor already
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        bundle.add("files/transcript.json", "transcript", run.evidence.transcript());
        bundle.add(
                "files/runtime-evidence/tool-calls/transcript.json",
                "tool-call-transcript",
                run.evidence.toolCallTranscript());
        for (String stream : List.of(RunEvidence.EVENTS, RunEvidence.COMMANDS)) {
            if (!bundle.has(stream)) {
                bundle.add(stream, stream.equals(RunEvidence.EVENTS) ? "events" : "commands", "");
            }
        }
    }

    private static String testResults(List<StepResult> steps) {
        JsonArrayBuilder results = Jsonp.createArrayBuilder();
        boolean anyFailed = false;
        for (StepResult step : steps) {
            anyFailed |= !step.passed();
            results.add(Jsonp.createObjectBuilder()
                    .add("step", step.name())
                    .add("status", step.status())
                    .add("exitCode", step.exitCode())
                    .add("durationMs", step.durationMs()));
        }
        return Jsonp.createObjectBuilder()
                .add("schema", "agentry/test-results/v1")
                .add("status", steps.isEmpty() ? "unknown" : anyFailed ? "failed" : "passed")
                .add("steps", results)
                .build()
                .toString();
    }

    private static jakarta.json.JsonObject metadata(ActiveRun run, AgentRun row, Baseline current) {
        JsonObjectBuilder agent = Jsonp.createObjectBuilder().add("slug", row.getAgentSlug());
        if (run.agent != null) {
            agent.add("origin", run.agent.origin())
                    .add("provider", run.agent.definition().provider())
                    .add("model", run.agent.definition().model());
        }
        return Jsonp.createObjectBuilder()
                .add("schema", "agentry/run-metadata/v1")
                .add("runId", run.id)
                .add("credentialId", row.getCredentialId())
                .add("agent", agent)
                .add("task", JsonTree.parse(row.getTaskInput()))
                .add("effectiveScopes", Jsonp.createArrayBuilder(run.grant.scopes()))
                .add("effectiveTools", Jsonp.createArrayBuilder(run.tools))
                .add(
                        "seed",
                        Jsonp.createObjectBuilder()
                                .add("source", run.task.archive() != null ? "archive" : "seed:" + run.task.seed())
                                .add("files", run.baseline == null ? 0 : run.baseline.count())
                                .add(
                                        "skipped",
                                        Jsonp.createArrayBuilder(
                                                run.baseline == null ? List.of() : run.baseline.skipped())))
                .add("workspaceFiles", current.count())
                .add("createdAt", row.getCreatedAt().toString())
                .add(
                        "startedAt",
                        row.getStartedAt() == null ? "" : row.getStartedAt().toString())
                .add("timings", run.timingsJson())
                .add("retentionDays", row.getRetentionDays())
                .add(
                        "runtime",
                        Jsonp.createObjectBuilder()
                                .add("java", Runtime.version().toString())
                                .add("sandbox", "workspace-directory"))
                .build();
    }
}
