package dev.agentry.core.runs;

import dev.agentry.core.agentloop.LoopResult;
import dev.agentry.core.agents.RegisteredAgent;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.sandbox.Baseline;
import dev.agentry.core.sandbox.Redactor;
import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.StopReason;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * What one run's job holds in memory between its steps. Steps run one after another on the job's
 * thread; the heartbeat and a cancel reach it through the volatile fields.
 */
final class ActiveRun {

    final String id;
    final TaskInput task;
    final RegisteredAgent agent;
    /** Its owner's credential with the run's effective scopes: what its tools may reach. */
    final Grant grant;

    final Set<String> tools;
    final Redactor redactor;
    final RunEvidence evidence;
    final Map<String, Long> timings = new LinkedHashMap<>();
    /** The approvals its catalog.write calls in preview requested, in order: the run's pending proposals. */
    final List<String> proposals = new java.util.concurrent.CopyOnWriteArrayList<>();

    volatile Instant deadline;
    volatile boolean ended;
    volatile ScheduledFuture<?> heartbeat;
    volatile long signalCheckedAt;
    volatile StopReason stopReason;

    Baseline baseline;
    /** Where the seed's original files are read for the diff: the operator's seed, or the unpacked archive. */
    Path baselineDir;

    LoopResult loop;
    Outcome outcome;
    JsonObject failureEvidence;

    /** The thread doing the run's file work right now, which {@link #stop()} interrupts; guarded by this. */
    private Thread fileWork;

    ActiveRun(
            String id,
            TaskInput task,
            RegisteredAgent agent,
            Grant grant,
            Set<String> tools,
            Redactor redactor,
            RunEvidence evidence) {
        this.id = id;
        this.task = task;
        this.agent = agent;
        this.grant = grant;
        this.tools = Set.copyOf(tools);
        this.redactor = redactor;
        this.evidence = evidence;
    }

    /** Ends the run's work with a failure; the evidence is redacted and kept to 4000 characters a stream. */
    void fail(Outcome outcome, String phase, String message) {
        fail(outcome, phase, message, null);
    }

    /** As {@link #fail(Outcome, String, String)}, with more evidence members (already redacted). */
    void fail(Outcome outcome, String phase, String message, JsonObject detail) {
        this.outcome = outcome;
        JsonObjectBuilder evidence = Jsonp.createObjectBuilder();
        if (detail != null) {
            detail.forEach(evidence::add);
        }
        this.failureEvidence = evidence.add("schema", "agentry/failure-evidence/v1")
                .add("phase", phase)
                .add("message", redactor.redact(message))
                .build();
    }

    boolean failed() {
        return outcome != null && outcome != Outcome.SUCCEEDED && outcome != Outcome.NO_OP;
    }

    /** A stretch of file work (copying, hashing, diffing) on the current thread that may be interrupted. */
    interface FileWork extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Marks the current thread as doing the run's file work until the returned scope closes. Only
     * there is it ever interrupted: an interrupt inside a database call could break the connection.
     * Closing clears any interrupt that arrived, so the job's next step starts clean.
     */
    FileWork fileWork() {
        synchronized (this) {
            fileWork = Thread.currentThread();
        }
        return () -> {
            synchronized (this) {
                fileWork = null;
            }
            Thread.interrupted();
        };
    }

    /** Ends the run's work from outside: the cooperative checks see {@link #ended}, a blocked read its interrupt. */
    void stop() {
        ended = true;
        synchronized (this) {
            if (fileWork != null) {
                fileWork.interrupt();
            }
        }
    }

    JsonObject timingsJson() {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        timings.forEach(json::add);
        return json.build();
    }
}
