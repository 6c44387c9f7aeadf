package dev.agentry.core.runs;

import dev.agentry.core.cluster.ClusterLeases;
import dev.agentry.core.cluster.Duty;
import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sessions.SessionTranscripts;
import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.runs.StopReason;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts queued runs while fewer than {@code agentry.runs.max-concurrent} are active, and is the
 * watchdog: an active run whose heartbeat stopped (its server died, or its thread hung) or that
 * overran its deadline is timed out and its workspace removed. After a restart, the runs the dead
 * server left behind are found the same way.
 *
 * <p>Only the node holding the {@link Duty#RUN_QUEUE} lease dispatches and watches, so runs start (and run) on
 * that node: the concurrency limit counts the whole cluster's active runs, and two nodes dispatching one queued
 * run would both take its session's lock, the loser then releasing the winner's. A submission on another node
 * waits for the holder's next tick; a run of a node that died is timed out by the next holder once its
 * heartbeat is stale.
 */
@Singleton
@Startup
// The threads runs copy and hash their files on: creating files is what a seed copy waits for.
@ManagedExecutorDefinition(name = RunScheduler.FILE_WORKERS, maxAsync = 4)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunScheduler {

    public static final String JOB = "agent-task-run";
    public static final String FILE_WORKERS = "java:app/concurrent/RunFileWorkers";

    private static final Logger LOG = Logger.getLogger(RunScheduler.class);

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "agentry.runs.watchdog-interval", defaultValue = "PT2S")
    Duration interval;

    @Inject
    RunSettings settings;

    @Inject
    RunLedger ledger;

    @Inject
    RunWorkspace files;

    @Inject
    JobControl jobs;

    @Inject
    RunPhases phases;

    @Inject
    SessionTranscripts sessions;

    @Inject
    ClusterLeases leases;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("run-scheduler", false));
    }

    @Timeout
    void tick() {
        try {
            if (leases.holds(Duty.RUN_QUEUE)) {
                watch();
                dispatch();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Run scheduler tick failed: %s", e.toString());
        }
    }

    /** A submission committed: start it now if a slot is free, rather than at the next tick. */
    public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunQueued event) {
        if (leases.holds(Duty.RUN_QUEUE)) {
            dispatch();
        }
    }

    public void dispatch() {
        long free = settings.maxConcurrent() - ledger.activeCount();
        if (free <= 0) {
            return;
        }
        for (String id : ledger.queued((int) free)) {
            if (!sessions.acquire(id)) {
                continue; // another run on its session took the lock first: it waits on
            }
            if (!ledger.move(id, RunStatus.BOOTING)) {
                sessions.release(id); // cancelled meanwhile: the lock it may just have taken is not kept
                continue;
            }
            try {
                JobExecutionView execution = jobs.start(JOB, Map.of("runId", id));
                ledger.jobStarted(id, execution.executionId());
            } catch (RuntimeException e) {
                LOG.errorf("Run %s: the %s job could not be started: %s", id, JOB, e.toString());
                ledger.finish(
                        id,
                        new RunEnd(
                                Outcome.FAILED,
                                StopReason.NOT_STARTED,
                                Jsonp.createObjectBuilder()
                                        .add("schema", "agentry/failure-evidence/v1")
                                        .add("phase", "dispatch")
                                        .add("message", "The batch job could not be started.")
                                        .build(),
                                null,
                                null));
                files.cleanUp(id, "job not started");
            }
        }
    }

    /** Times out runs whose heartbeat stopped or that overran their deadline by the stale period. */
    public void watch() {
        for (String id : ledger.overdue(settings.staleAfter(), settings.staleAfter())) {
            boolean won = ledger.finish(
                    id,
                    new RunEnd(
                            Outcome.TIMEOUT,
                            StopReason.WATCHDOG,
                            Jsonp.createObjectBuilder()
                                    .add("schema", "agentry/failure-evidence/v1")
                                    .add("phase", "watchdog")
                                    .add(
                                            "message",
                                            "No heartbeat for " + settings.staleAfter()
                                                    + ", or the deadline passed that long ago: the run was timed out.")
                                    .build(),
                            null,
                            null));
            if (won) {
                LOG.warnf("Run %s timed out by the watchdog; cleaning up", id);
                phases.stop(id); // its thread, if it still has one here, stops too
                files.cleanUp(id, "watchdog");
            }
        }
    }
}
