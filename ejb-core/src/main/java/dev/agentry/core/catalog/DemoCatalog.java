package dev.agentry.core.catalog;

import dev.agentry.core.jobs.JobExecutionView;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
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

    @Inject
    @ConfigProperty(name = "agentry.demo.enabled", defaultValue = "true")
    boolean enabled;

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogImports imports;

    @PostConstruct
    void schedule() {
        if (enabled) {
            timers.createSingleActionTimer(Duration.ofSeconds(2).toMillis(), new TimerConfig(null, false));
        }
    }

    @Timeout
    void load() {
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
