package dev.agentry.core.runs;

import dev.agentry.core.Boundary;
import dev.agentry.core.agentloop.AgentLoop;
import dev.agentry.core.agentloop.AgentProvider;
import dev.agentry.core.agentloop.LoopBudget;
import dev.agentry.core.agentloop.LoopObserver;
import dev.agentry.core.agentloop.LoopResult;
import dev.agentry.core.agentloop.Message;
import dev.agentry.core.agentloop.TokenUsage;
import dev.agentry.core.agents.AgentDefinition;
import dev.agentry.core.agents.AgentRegistry;
import dev.agentry.core.json.JsonTree;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.memory.AgentMemory;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.providers.ModelProviders;
import dev.agentry.core.sandbox.Redactor;
import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.core.sandbox.SharedSeed;
import dev.agentry.core.sandbox.StepResult;
import dev.agentry.core.sandbox.StepRunner;
import dev.agentry.core.sandbox.VerifyStep;
import dev.agentry.core.sandbox.WorkBudget;
import dev.agentry.core.sandbox.Workspace;
import dev.agentry.core.sessions.SessionTranscripts;
import dev.agentry.core.tools.ToolCall;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolExecutor;
import dev.agentry.core.tools.ToolOutcome;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.runs.StopReason;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The four phases of the agent-task-run job: prepare the sandbox, run the agent loop (and the task's
 * verify steps), collect the artifact bundle, clean up. No phase throws: a failure is recorded on the
 * run and the next phases still run, so artifacts are collected and the workspace removed on every path.
 */
@ApplicationScoped
@Boundary
public class RunPhases {

    private static final Logger LOG = Logger.getLogger(RunPhases.class);

    /**
     * The failure evidence of anything a phase did not expect: an exception's class and message are
     * for the server log only (they name Java classes, and may quote what the run handled).
     */
    static final String UNEXPECTED = "The phase failed unexpectedly; the server log has the details.";

    /** How often the run's own thread re-reads its cancel flag at most. */
    private static final long SIGNAL_MILLIS = 250;

    /** The least time collection gets when the run ended late, unless collect-timeout is shorter. */
    private static final Duration MIN_COLLECT_TIME = Duration.ofSeconds(5);

    @Inject
    RunLedger ledger;

    @Inject
    RunWorkspace files;

    @Inject
    RunSettings settings;

    @Inject
    Seeds seeds;

    @Inject
    VerifySteps verifySteps;

    @Inject
    AgentRegistry agents;

    @Inject
    RunCatalogAccess catalog;

    @Inject
    RunCatalogWrites writes;

    @Inject
    RunBundle bundles;

    @Inject
    ModelProviders providers;

    @Inject
    RunEventLog events;

    @Inject
    AgentMemory memory;

    @Inject
    SessionTranscripts sessions;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = RunScheduler.FILE_WORKERS)
    ManagedExecutorService fileWorkers;

    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();

    /** Seeds the workspace, taking the baseline's hashes, then starts the run's clock. */
    public void prepare(String id) {
        Optional<AgentRun> found = ledger.find(id);
        if (found.isEmpty() || found.get().getStatus() != RunStatus.BOOTING) {
            return; // cancelled or timed out before its job began
        }
        long started = System.nanoTime();
        AgentRun row = found.get();
        TaskInput task = StoredTask.read(JsonTree.parse(row.getTaskInput()));
        List<String> secrets = new ArrayList<>(
                settings.secretEnv().values(task.secretEnv(), System::getenv).values());
        // The provider's key is never sent anywhere but its Authorization header; should a server
        // echo it, the run still never writes it.
        agents.find(row.getAgentSlug())
                .ifPresent(a -> secrets.addAll(providers.secrets(a.definition().provider())));
        Redactor redactor = Redactor.of(secrets);
        ActiveRun run = new ActiveRun(
                id,
                task,
                agents.find(row.getAgentSlug()).orElse(null),
                new Grant(row.getCredentialId(), strings(row.getEffectiveScopes())),
                strings(row.getEffectiveTools()),
                redactor,
                new RunEvidence(files.evidence(id), redactor));
        active.put(id, run);
        run.heartbeat = scheduler.scheduleAtFixedRate(
                () -> beat(run),
                settings.heartbeatInterval().toMillis(),
                settings.heartbeatInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        event(
                run,
                "booting",
                Jsonp.createObjectBuilder().add("agent", row.getAgentSlug()).build());
        try {
            if (run.agent == null) {
                run.fail(Outcome.FAILED, "prepare", "The agent " + row.getAgentSlug() + " is no longer registered.");
                return;
            }
            // Hard links where the file system allows (a copy where not), hashed on the way. The
            // originals stay where they are (the operator's seed, or the archive unpacked on submission)
            // and the diff reads them, checking their hashes. Nothing of the run writes a linked file:
            // its tools replace files, and it gets private copies before any process runs. A task that
            // declares verify steps will run one: it is copied at once, never linked and copied again.
            if (task.archive() != null) {
                run.baselineDir = files.baseline(id);
            } else {
                Optional<Path> seed = seeds.named(task.seed());
                if (seed.isEmpty()) {
                    run.fail(Outcome.FAILED, "prepare", "The seed " + task.seed() + " is no longer allowed.");
                    return;
                }
                run.baselineDir = seed.get();
            }
            // Seeding may take at most the run's own timeout; it stops early if the run is ended from outside.
            try (ActiveRun.FileWork work = run.fileWork()) {
                WorkBudget budget = WorkBudget.of(task.timeout(), Long.MAX_VALUE, () -> run.ended);
                run.baseline = task.verifySteps().isEmpty()
                        ? SeedCopy.share(run.baselineDir, files.workspace(id), fileWorkers, budget)
                        : SeedCopy.copy(run.baselineDir, files.workspace(id), fileWorkers, budget);
            }
            run.deadline = clock.instant().plus(task.timeout());
            ledger.startClock(id, task.timeout());
            if (!ledger.move(id, RunStatus.RUNNING)) {
                run.ended = true;
                return;
            }
            event(
                    run,
                    "running",
                    Jsonp.createObjectBuilder()
                            .add("seedFiles", run.baseline.count())
                            .add("skipped", Jsonp.createArrayBuilder(run.baseline.skipped()))
                            .build());
        } catch (WorkBudget.Exhausted e) {
            if (!e.stopped()) {
                run.fail(Outcome.TIMEOUT, "prepare", "Copying the seed took longer than the run's timeout.");
                run.stopReason = StopReason.TIMEOUT;
            }
        } catch (RuntimeException e) {
            LOG.warnf("Run %s: prepare failed: %s", id, e.toString());
            run.fail(Outcome.FAILED, "prepare", UNEXPECTED);
        } finally {
            run.timings.put("prepareMs", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The agent loop, then the task's verify steps if the agent finished. */
    public void loop(String id) {
        ActiveRun run = active.get(id);
        if (run == null || run.failed() || run.ended) {
            return;
        }
        long started = System.nanoTime();
        SharedSeed shared = null;
        try {
            // The private copies a process step needs may take what is left of the run's time.
            shared = new SharedSeed(
                    files.workspace(id),
                    run.baseline,
                    fileWorkers,
                    () -> WorkBudget.of(
                            Duration.between(clock.instant(), run.deadline), Long.MAX_VALUE, () -> run.ended));
            Workspace workspace = Workspace.at(files.workspace(id), shared);
            StepRunner steps = new StepRunner(settings.outputCap(), clock);
            ToolExecutor tools = new ToolExecutor(
                    workspace,
                    run.tools,
                    run.agent.definition().toolPolicy().actions(),
                    name -> verifySteps.named(name).map(step -> runStep(run, steps, workspace, step, "agent_loop")),
                    catalog.forGrant(run.grant),
                    writes.forRun(run.grant, run.id, run.agent.definition().slug()),
                    new RunMemory(
                            memory,
                            run.agent.definition().slug(),
                            run.agent.definition().memoryPolicy(),
                            run.grant.credentialId(),
                            run.task.sessionId(),
                            run.id));
            AgentDefinition agent = run.agent.definition();
            String model = providers
                    .model(agent.provider(), agent.model(), run.task.model())
                    .orElse("");
            AgentProvider provider = providers.forRun(agent.provider(), model, run.tools, run.task.script());
            AgentLoop loop = new AgentLoop(provider, tools, run.redactor, observer(run), clock);
            List<Message> history = List.of();
            if (run.task.sessionId() != null) {
                history = sessions.history(run.grant.credentialId(), run.task.sessionId());
                event(
                        run,
                        "session",
                        Jsonp.createObjectBuilder()
                                .add("sessionId", run.task.sessionId())
                                .add("messages", history.size())
                                .build());
            }
            run.loop = loop.run(
                    agent.instructions(),
                    history,
                    userMessage(run.task),
                    new LoopBudget(
                            run.task.maxTurns(),
                            run.task.maxToolCalls(),
                            run.task.maxCallsPerTool(),
                            run.task.tokenBudget()));
            event(
                    run,
                    "loop_ended",
                    Jsonp.createObjectBuilder()
                            .add("stopReason", run.loop.stopReason().wire())
                            .add("turns", run.loop.turns())
                            .add("toolCalls", run.loop.toolCalls())
                            .add("usage", usageJson(run.loop.usage()))
                            .build());
            run.timings.put("loopMs", (System.nanoTime() - started) / 1_000_000);
            classify(run);
            if (run.outcome == null) {
                long verifyStarted = System.nanoTime();
                verify(run, steps, workspace);
                run.timings.put("verifyMs", (System.nanoTime() - verifyStarted) / 1_000_000);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Run %s: agent loop failed: %s", id, e.toString());
            run.fail(Outcome.FAILED, "agent_loop", UNEXPECTED);
        } finally {
            if (shared != null) {
                shared.detachMillis().ifPresent(ms -> run.timings.put("privateCopyMs", ms));
            }
        }
    }

    /** The goal, and the task's context as JSON after it when there is one. */
    private static String userMessage(TaskInput task) {
        return task.context() == null || task.context().isEmpty()
                ? task.goal()
                : task.goal() + "\n\nContext (JSON):\n" + task.context();
    }

    static JsonObject usageJson(TokenUsage usage) {
        return Jsonp.createObjectBuilder()
                .add("promptTokens", usage.promptTokens())
                .add("completionTokens", usage.completionTokens())
                .add("totalTokens", usage.totalTokens())
                .build();
    }

    /** Writes and seals the bundle, then ends the run with its outcome. */
    public void collect(String id) {
        ActiveRun run = active.get(id);
        if (run == null) {
            return;
        }
        if (run.ended || !ledger.move(id, RunStatus.COLLECTING_ARTIFACTS)) {
            run.ended = true;
            return; // ended from outside (watchdog, cancel while queued): nothing of ours to seal
        }
        event(run, "collecting_artifacts", JsonValue.EMPTY_JSON_OBJECT);
        long started = System.nanoTime();
        String bundleId = null;
        try {
            AgentRun row = ledger.find(id).orElseThrow();
            RunBundle.Sealed sealed;
            try (ActiveRun.FileWork work = run.fileWork()) {
                sealed = bundles.write(run, row, this::elapsed, collectBudget(run));
            }
            bundleId = sealed.bundleId();
            stream(
                    run,
                    "artifacts",
                    Jsonp.createObjectBuilder()
                            .add("bundleId", bundleId)
                            .add("changedFiles", sealed.changed())
                            .build());
            if (run.outcome == null) {
                run.outcome = sealed.changed() == 0 ? Outcome.NO_OP : Outcome.SUCCEEDED;
            }
            run.timings.putAll(sealed.timings());
        } catch (WorkBudget.Exhausted e) {
            LOG.infof("Run %s: collecting artifacts stopped: the run was ended from outside", id);
            if (run.outcome == null) {
                run.outcome = Outcome.TIMEOUT; // the run has ended already; this only keeps the record whole
            }
        } catch (RuntimeException e) {
            LOG.warnf("Run %s: collecting artifacts failed: %s", id, e.toString());
            run.fail(Outcome.FAILED, "collect", UNEXPECTED);
        }
        run.timings.put("collectMs", (System.nanoTime() - started) / 1_000_000);
        StopReason stopReason =
                run.stopReason != null ? run.stopReason : run.loop == null ? null : run.loop.stopReason();
        ledger.finish(id, new RunEnd(run.outcome, stopReason, run.failureEvidence, bundleId, run.timingsJson()));
    }

    /**
     * Stops a run's work now: the run was ended from outside (the watchdog timed it out). Its loops see
     * the flag at their next check and its file work is interrupted, so no thread works on for it.
     */
    public void stop(String id) {
        ActiveRun run = active.get(id);
        if (run != null) {
            run.stop();
        }
    }

    /** Stops the heartbeat and removes the workspace; always, whatever happened before. */
    public void cleanUp(String id) {
        ActiveRun run = active.remove(id);
        if (run != null && run.heartbeat != null) {
            run.heartbeat.cancel(false);
        }
        String status = ledger.find(id).map(r -> r.getStatus().wire()).orElse("unknown");
        files.cleanUp(id, "job ended: " + status);
    }

    /** Cleans up a run whose job ended without its cleanup step having run; otherwise nothing. */
    public void cleanUpIfLeft(String id) {
        if (active.containsKey(id)) {
            cleanUp(id);
        }
    }

    /**
     * Collection's budget: {@code agentry.runs.collect-timeout} and {@code collect-max-bytes}, and never
     * past half the watchdog's grace after the run's deadline, so the run ends timed out by its own
     * hand with its partial bundle sealed rather than by the watchdog with none.
     */
    private WorkBudget collectBudget(ActiveRun run) {
        Duration time = settings.collectTimeout();
        if (run.deadline != null) {
            Duration left = Duration.between(
                    clock.instant(), run.deadline.plus(settings.staleAfter().dividedBy(2)));
            left = left.compareTo(MIN_COLLECT_TIME) < 0 ? MIN_COLLECT_TIME : left; // late still gets a moment
            time = left.compareTo(time) < 0 ? left : time;
        }
        return WorkBudget.of(time, settings.collectMaxBytes(), () -> run.ended);
    }

    private long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** How the loop's end maps to an outcome; null when the verify steps decide. */
    private void classify(ActiveRun run) {
        LoopResult loop = run.loop;
        switch (loop.stopReason()) {
            case FINAL_RESULT -> {
                if ("unable_to_remediate".equals(loop.finalStatus())) {
                    run.fail(Outcome.UNABLE_TO_REMEDIATE, "agent_loop", "The agent reported it could not remediate.");
                }
            }
            case CANCELLED -> run.outcome = Outcome.CANCELLED;
            case TIMEOUT -> run.outcome = Outcome.TIMEOUT;
            case ENDED -> run.ended = true;
            case PROVIDER_ERROR -> run.fail(Outcome.PROVIDER_ERROR, "agent_loop", loop.error(), loop.errorEvidence());
            default ->
                run.fail(
                        Outcome.UNABLE_TO_REMEDIATE,
                        "agent_loop",
                        "The agent used its budget (" + loop.stopReason().wire() + ").");
        }
    }

    private void verify(ActiveRun run, StepRunner steps, Workspace workspace) {
        for (String name : run.task.verifySteps()) {
            StepResult result =
                    runStep(run, steps, workspace, verifySteps.named(name).orElseThrow(), "verify");
            if (result.passed()) {
                continue;
            }
            StopReason stop = stopReason(run);
            if (stop == StopReason.CANCELLED) {
                run.outcome = Outcome.CANCELLED;
                run.stopReason = StopReason.CANCELLED;
            } else if (stop == StopReason.TIMEOUT) {
                run.outcome = Outcome.TIMEOUT;
                run.stopReason = StopReason.TIMEOUT;
            } else {
                run.outcome = Outcome.FAILED;
                run.stopReason = StopReason.VERIFY_FAILED;
            }
            run.failureEvidence = Jsonp.createObjectBuilder()
                    .add("schema", "agentry/failure-evidence/v1")
                    .add("phase", "verify")
                    .add("step", result.name())
                    .add(
                            "command",
                            Jsonp.createArrayBuilder(result.command().stream()
                                    .map(run.redactor::redact)
                                    .toList()))
                    .add("status", result.status())
                    .add("exitCode", result.exitCode())
                    .add("stdout", run.redactor.redact(ToolExecutor.tail(result.stdout(), result.stdoutTruncated())))
                    .add("stderr", run.redactor.redact(ToolExecutor.tail(result.stderr(), result.stderrTruncated())))
                    .build();
            return;
        }
    }

    private StepResult runStep(ActiveRun run, StepRunner steps, Workspace workspace, VerifyStep step, String phase) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : settings.envAllowlist()) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putAll(settings.secretEnv().values(run.task.secretEnv(), System::getenv));
        // Last: nothing, a secret least of all, replaces the workspace as HOME.
        environment.put("HOME", workspace.root().toString());
        // The runner stops the step at the run's deadline itself (timed_out); the supplier is for the rest.
        StepResult result = steps.run(step, workspace, environment, run.deadline, () -> {
            StopReason reason = stopReason(run);
            return reason != null && reason != StopReason.TIMEOUT;
        });
        run.evidence.step(result, phase, clock.instant());
        return result;
    }

    private LoopObserver observer(ActiveRun run) {
        return new LoopObserver() {
            @Override
            public void message(Message message) {
                run.evidence.message(message);
                stream(run, "message", message.toJson());
                if (run.task.sessionId() != null && !message.role().equals("system")) {
                    transcribe(run, message);
                }
            }

            @Override
            public void toolCall(ToolCall call, ToolOutcome outcome, Instant started, Instant finished) {
                run.evidence.toolCall(call, outcome, started, finished);
                ledger.toolCalled(run.id, call.id(), call.tool(), outcome.status());
                if (ToolCatalog.CATALOG_WRITE.equals(call.tool())
                        && outcome.status().equals("previewed")
                        && outcome.result().get("approval") instanceof JsonObject approval) {
                    run.proposals.add(approval.getString("id"));
                }
                stream(
                        run,
                        "tool_call",
                        Jsonp.createObjectBuilder()
                                .add("callId", call.id())
                                .add("tool", call.tool())
                                .add("status", outcome.status())
                                .add("startedAt", started.toString())
                                .add("finishedAt", finished.toString())
                                .build());
            }

            @Override
            public void turn(int turn, TokenUsage usage) {
                JsonObjectBuilder detail = Jsonp.createObjectBuilder().add("turn", turn);
                if (usage != null) {
                    detail.add("usage", usageJson(usage));
                }
                event(run, "turn", detail.build());
            }

            @Override
            public StopReason stopReason() {
                return RunPhases.this.stopReason(run);
            }
        };
    }

    /** Why the run must stop now, or null: ended from outside, cancelled, or past its deadline. */
    private StopReason stopReason(ActiveRun run) {
        if (run.ended) {
            return StopReason.ENDED;
        }
        if (run.deadline != null && !clock.instant().isBefore(run.deadline)) {
            return StopReason.TIMEOUT;
        }
        long now = System.currentTimeMillis();
        if (now - run.signalCheckedAt >= SIGNAL_MILLIS) {
            run.signalCheckedAt = now;
            RunSignal signal = ledger.signal(run.id).orElse(null);
            if (signal == null || signal.status().terminal()) {
                run.ended = true;
                return StopReason.ENDED;
            }
            if (signal.cancelRequested()) {
                run.stopReason = StopReason.CANCELLED;
            }
        }
        return run.stopReason;
    }

    private void beat(ActiveRun run) {
        try {
            if (!ledger.heartbeat(run.id)) {
                run.ended = !active.containsKey(run.id) || isTerminal(run.id);
            }
        } catch (RuntimeException e) {
            LOG.debugf("Run %s: heartbeat failed: %s", run.id, e.toString());
        }
    }

    private boolean isTerminal(String id) {
        return ledger.signal(id).map(s -> s.status().terminal()).orElse(true);
    }

    private void event(ActiveRun run, String type, JsonObject detail) {
        run.evidence.event(clock.instant(), type, detail);
        stream(run, type, detail);
    }

    /** To the run's live streams (and their log); a failure to store one never fails the run. */
    private void stream(ActiveRun run, String type, JsonObject data) {
        try {
            events.append(run.id, type, data);
        } catch (RuntimeException e) {
            LOG.warnf("Run %s: the %s event was not stored: %s", run.id, type, e.toString());
        }
    }

    /**
     * Appends the message to the run's session at once, so the transcript holds it however the run
     * ends; a failure to store it never fails the run, and a run that lost the session writes nothing.
     */
    private void transcribe(ActiveRun run, Message message) {
        try {
            if (!sessions.append(run.id, run.grant.credentialId(), run.task.sessionId(), message)) {
                LOG.infof("Run %s no longer holds session %s: its message was not added", run.id, run.task.sessionId());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Run %s: a message was not added to its session: %s", run.id, e.toString());
        }
    }

    private static Set<String> strings(String jsonArray) {
        Set<String> values = new LinkedHashSet<>();
        if (JsonTree.parse(jsonArray) instanceof JsonArray array) {
            array.forEach(v -> values.add(((JsonString) v).getString()));
        }
        return values;
    }
}
