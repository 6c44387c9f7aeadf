package dev.agentry.core.jobs;

import dev.agentry.core.cluster.ClusterLeases;
import dev.agentry.core.cluster.ClusterNode;
import dev.agentry.core.cluster.ClusterRoster;
import dev.agentry.core.cluster.Duty;
import dev.agentry.persistence.jobs.JobSchedule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Starts jobs on their schedules: {@code agentry.jobs.<name>.schedule}, a cron-style expression in UTC
 * ({@link CronSchedule}), or {@code off}. Runs on the platform's timer service, one non-persistent timer per
 * job set for its next fire time and set again when it fires; what fired is recorded in {@code job_schedule},
 * so a fire time that passed while the server was down is run once at start (several missed ones are one
 * run: the jobs catch up on everything past their horizon anyway). A tick that finds an exclusive job still
 * running is skipped, since {@link JobLauncher} lets one execution of it run at a time.
 *
 * <p>Nothing is started while the application deploys: the first timer, a second after start, marks what an
 * earlier life of this node left running as interrupted, then sets the schedules.
 *
 * <p>Every node keeps the timers, but only the holder of the {@link Duty#JOB_SCHEDULES} lease fires: a node's
 * timer that fires while another node holds it is skipped. The lease is renewed every {@link
 * ClusterNode#HEARTBEAT}; a node that takes it (at start, or from a holder that died) first runs the fire times
 * missed meanwhile (as recorded in {@code job_schedule}), and while it holds it, it fails the executions that
 * nodes no longer alive left running, so an exclusive job such a node ran does not block its schedule forever.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class);
    private static final String STARTUP = "startup";
    private static final String DUTY = "duty";
    private static final Duration STARTUP_DELAY = Duration.ofSeconds(1);
    /** A timer may fire this much before its time. */
    private static final Duration EARLY_TOLERANCE = Duration.ofSeconds(5);
    /** How long to keep waiting for the batch module, which the server may start after this one. */
    private static final int STARTUP_ATTEMPTS = 120;

    /**
     * A job's schedule as it stands.
     *
     * @param expression the configured expression, or {@code off}
     * @param problem why it is not in force, or {@code null}
     * @param nextFireAt when it fires next, or {@code null}
     */
    public record ScheduleState(String expression, String problem, Instant nextFireAt) {}

    @Resource
    TimerService timers;

    @Inject
    JobCatalog catalog;

    @Inject
    JobLauncher launcher;

    @Inject
    JobControl jobs;

    @Inject
    Clock clock;

    @Inject
    JobScheduleLedger ledger;

    @Inject
    ClusterLeases leases;

    @Inject
    ClusterRoster roster;

    @Inject
    ClusterNode node;

    /** Whether this node held the schedules' lease at its last tick. */
    private boolean holding;

    private final Map<String, ScheduleState> states = new ConcurrentHashMap<>();
    private final Map<String, CronSchedule> crons = new ConcurrentHashMap<>();

    @PostConstruct
    void deployed() {
        Config config = ConfigProvider.getConfig();
        for (JobDefinition job : catalog.all()) {
            String expression = config.getOptionalValue("agentry.jobs." + job.name() + ".schedule", String.class)
                    .map(String::strip)
                    .orElse(job.defaultSchedule());
            if (expression.toLowerCase(Locale.ROOT).equals(JobDefinition.OFF)) {
                states.put(job.name(), new ScheduleState(JobDefinition.OFF, null, null));
            } else if (!job.startable()) {
                states.put(
                        job.name(),
                        refused(job, expression, "this job is started by its own API, never on a schedule"));
            } else if (expression.length() > JobSchedule.EXPRESSION_MAX_LENGTH) {
                states.put(job.name(), refused(job, expression, "the schedule is too long"));
            } else {
                try {
                    crons.put(job.name(), CronSchedule.parse(expression));
                    states.put(job.name(), new ScheduleState(expression, null, null));
                } catch (IllegalArgumentException e) {
                    states.put(job.name(), refused(job, expression, e.getMessage()));
                }
            }
        }
        timers.createSingleActionTimer(STARTUP_DELAY.toMillis(), new TimerConfig(STARTUP + ":1", false));
    }

    /** Where the job's schedule stands, for {@code GET /jobs}. */
    @Lock(LockType.READ)
    public ScheduleState state(JobDefinition job) {
        return states.getOrDefault(job.name(), new ScheduleState(JobDefinition.OFF, null, null));
    }

    @Timeout
    void timeout(Timer timer) {
        String name = (String) timer.getInfo();
        if (name.startsWith(STARTUP + ":")) {
            int attempt = Integer.parseInt(name.substring(STARTUP.length() + 1));
            if (batchRuntimeReady()) {
                started();
            } else if (attempt < STARTUP_ATTEMPTS) {
                timers.createSingleActionTimer(
                        STARTUP_DELAY.toMillis(), new TimerConfig(STARTUP + ":" + (attempt + 1), false));
            } else {
                LOG.errorf(
                        "The batch runtime did not answer after %d attempts; no job is scheduled until the"
                                + " next start",
                        attempt);
            }
        } else if (name.equals(DUTY)) {
            tend();
        } else {
            fire(name, clock.instant());
        }
    }

    /**
     * Whether the batch module answers yet: the server starts the application's modules side by side, so
     * the first timer may come before it. Gives up (schedules stay off until the next start) after {@value
     * #STARTUP_ATTEMPTS} tries.
     */
    private boolean batchRuntimeReady() {
        try {
            jobs.running(JobCatalog.DIAGNOSTICS);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("The batch runtime does not answer yet: %s", e.toString());
            return false;
        }
    }

    private void started() {
        failInterrupted(true);
        Instant now = clock.instant();
        crons.forEach((name, cron) -> setTimer(name, cron, now));
        long every = ClusterNode.HEARTBEAT.toMillis();
        timers.createIntervalTimer(0, every, new TimerConfig(DUTY, false));
    }

    /**
     * The lease's tick: renews or takes it; a node that has just taken it runs what was missed while no node
     * fired (this node was down, or the holder died), and the holder fails what dead nodes left running.
     */
    private void tend() {
        try {
            boolean held = leases.holds(Duty.JOB_SCHEDULES);
            if (held && !holding) {
                LOG.infof("Node %s fires the job schedules", node.name());
                catchUp();
            }
            holding = held;
            if (held) {
                failInterrupted(false);
            }
        } catch (RuntimeException e) {
            LOG.warnf("The job schedules' lease could not be tended: %s", e.toString());
        }
    }

    private void catchUp() {
        Instant now = clock.instant();
        crons.forEach((name, cron) -> {
            Optional<Instant> owed = ledger.register(name, cron, now);
            if (owed.isPresent()) {
                LOG.infof("Job %s missed its schedule at %s while no node fired it; running it now", name, owed.get());
                launch(name, now);
            }
        });
    }

    /**
     * Fails the exclusive jobs' executions that no live node runs: those of dead nodes, and while this node
     * starts, those of its own earlier life.
     */
    private void failInterrupted(boolean starting) {
        List<String> exclusive = catalog.all().stream()
                .filter(JobDefinition::exclusive)
                .map(JobDefinition::name)
                .toList();
        List<RunningExecution> running = jobs.runningExecutions(exclusive);
        if (running.isEmpty()) {
            return;
        }
        List<Long> orphaned = InterruptedExecutions.of(running, node.name(), roster.alive(), starting);
        int interrupted = jobs.failInterrupted(orphaned);
        if (interrupted > 0) {
            LOG.warnf(
                    "Marked %d job executions that a stopped node (%s) was running as failed (INTERRUPTED);"
                            + " restart them with POST /jobs/executions/{id}/restart",
                    interrupted, starting ? "this one or a dead one" : "a dead one");
        }
    }

    private void fire(String name, Instant now) {
        try {
            if (leases.holds(Duty.JOB_SCHEDULES)) {
                launch(name, now);
            } else {
                LOG.debugf("Scheduled %s not fired here: another node holds the job schedules", name);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scheduled %s could not be started", name);
        }
        setTimer(name, crons.get(name), now);
    }

    private void launch(String name, Instant now) {
        JobDefinition job = catalog.find(name).orElseThrow();
        try {
            ledger.fired(name, now);
            launcher.startIfIdle(job)
                    .ifPresentOrElse(
                            execution ->
                                    LOG.debugf("Scheduled %s started as execution %d", name, execution.executionId()),
                            () -> LOG.infof("Scheduled %s skipped: its previous execution is still running", name));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scheduled %s could not be started", name);
        }
    }

    private void setTimer(String name, CronSchedule cron, Instant after) {
        ScheduleState state = states.get(name);
        // After the fire time just served when the timer came a little early, so it is not served twice; else
        // after now (a moved clock must not leave a schedule waiting for a time far ahead).
        Instant planned = state.nextFireAt();
        Instant from = planned != null && planned.isAfter(after) && planned.isBefore(after.plus(EARLY_TOLERANCE))
                ? planned
                : after;
        Optional<Instant> next = cron.next(from);
        states.put(name, new ScheduleState(state.expression(), state.problem(), next.orElse(null)));
        next.ifPresent(at -> timers.createSingleActionTimer(
                Math.max(1, Duration.between(clock.instant(), at).toMillis()), new TimerConfig(name, false)));
    }

    private static ScheduleState refused(JobDefinition job, String expression, String problem) {
        LOG.errorf(
                "The schedule of job %s (agentry.jobs.%s.schedule = %s) is not in force: %s",
                job.name(), job.name(), expression, problem);
        return new ScheduleState(expression, problem, null);
    }
}
