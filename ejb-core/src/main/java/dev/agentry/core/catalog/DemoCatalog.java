package dev.agentry.core.catalog;

import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo mode: on a first start with an empty catalog, the bundled dataset (a small shop and blog,
 * {@code demo-catalog.jsonl} beside this class) goes in through the {@code catalog-import} job, the
 * same way an operator's file does, so its records reach the changes feed too. Started shortly
 * after deployment, when the batch runtime is up, not during it.
 */
@Singleton
@Startup
public class DemoCatalog {

    static final String DATASET = "demo-catalog.jsonl";

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class);

    /** Two seconds apart: a minute for the rest of the deployment to come up. */
    private static final int MAX_ATTEMPTS = 30;

    private int attempts;

    @Inject
    @ConfigProperty(name = "agentry.demo.enabled", defaultValue = "true")
    boolean enabled;

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogImports imports;

    @Inject
    JobControl jobs;

    @PostConstruct
    void schedule() {
        if (enabled) {
            retryIn(Duration.ofSeconds(2));
        }
    }

    private void retryIn(Duration delay) {
        timers.createSingleActionTimer(delay.toMillis(), new TimerConfig(null, false));
    }

    /**
     * Starts the import once the batch module can take it. The other modules of the EAR may still be
     * starting when this first runs (a bigger deployment takes longer), so it waits for them, a bounded
     * number of times. Without a transaction of its own: a refused start must not roll back the retry's timer.
     */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        try {
            if (batchModuleUp()) {
                startImport();
                return;
            }
            retryOrGiveUp("the batch module is not deployed yet");
        } catch (EJBException e) {
            retryOrGiveUp(e.toString());
        }
    }

    private void retryOrGiveUp(String reason) {
        if (++attempts >= MAX_ATTEMPTS) {
            LOG.errorf("Demo mode: the demo catalog could not be imported after %d attempts: %s", attempts, reason);
            return;
        }
        LOG.debugf("Demo mode: the batch runtime is not ready yet (%s); trying again", reason);
        retryIn(Duration.ofSeconds(2));
    }

    /**
     * Whether the job control the batch module implements is deployed: asked here, a call to a bean not deployed
     * yet fails in its proxy and is only a "not yet". Asked through {@link CatalogImports} instead, the same failure
     * would cross that bean's boundary, and the container would log it as a failed invocation with a stack trace.
     */
    private boolean batchModuleUp() {
        try {
            jobs.recentExecutions(CatalogImports.JOB, 1);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void startImport() {
        boolean empty = em.createQuery("select s.id from Section s", Long.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (!empty) {
            return;
        }
        try (InputStream dataset = DemoCatalog.class.getResourceAsStream(DATASET)) {
            JobExecutionView execution = imports.start(dataset, CatalogImports.Format.JSON_LINES, "demo");
            LOG.infof(
                    "Demo mode: loading the demo catalog as import %d (GET /api/v1/imports/%d;"
                            + " agentry.demo.enabled=false turns this off)",
                    execution.executionId(), execution.executionId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled demo catalog", e);
        }
    }
}
