package dev.agentry.core.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every batch job the application defines, by name. The jobs of this module are listed here; another
 * module may add one by producing a {@link JobDefinition} bean.
 */
@ApplicationScoped
public class JobCatalog {

    public static final String CATALOG_IMPORT = "catalog-import";
    public static final String DIAGNOSTICS = "diagnostics";
    public static final String AGENT_TASK_RUN = "agent-task-run";
    public static final String SECRETS_REWRAP = "secrets-rewrap";
    public static final String RETENTION = "retention";
    public static final String CREDENTIAL_REMINDERS = "credential-reminders";
    public static final String BUNDLE_VERIFY = "bundle-verify";
    public static final String SYNC_STATE = "sync-state";

    private static final List<JobDefinition> BUILT_IN = List.of(
            new JobDefinition(
                    CATALOG_IMPORT,
                    "Imports JSON lines or CSV into the catalog, 100 records a transaction; started by POST /imports",
                    false,
                    false,
                    false,
                    JobDefinition.OFF,
                    Set.of()),
            // Not exclusive: a check that only writes its own record may run beside another.
            new JobDefinition(
                    DIAGNOSTICS,
                    "Writes what it sees of the database into it, proving the batch wiring end to end",
                    true,
                    false,
                    false,
                    JobDefinition.OFF,
                    Set.of("note")),
            new JobDefinition(
                    AGENT_TASK_RUN,
                    "Runs one agent task in its sandbox; started and cancelled through /runs",
                    false,
                    true,
                    false,
                    JobDefinition.OFF,
                    Set.of()),
            JobDefinition.operated(
                    SECRETS_REWRAP,
                    "Seals every stored secret again under the current key-encryption key and retires the old keys",
                    JobDefinition.OFF,
                    "rotatedAt"),
            JobDefinition.operated(
                    RETENTION,
                    "Removes what is past its horizon (finished runs and their bundles, delivered webhooks, dead"
                            + " letters, change records, diagnostics) in short chunks, and audits the counts",
                    "0 30 3 * * ?"),
            JobDefinition.operated(
                    CREDENTIAL_REMINDERS,
                    "Announces credential.expiring once per expiry for credentials entering their reminder window",
                    "0 * * * * ?"),
            JobDefinition.operated(
                    BUNDLE_VERIFY,
                    "Verifies every stored artifact bundle again and reports one that no longer verifies",
                    "0 0 4 ? * SUN"),
            JobDefinition.operated(
                    SYNC_STATE,
                    "Snapshots every sync checkpoint's lag into its history and reports breaches and recoveries",
                    "0 * * * * ?"));

    @Inject
    @Any
    Instance<JobDefinition> contributed;

    private Map<String, JobDefinition> jobs;

    @PostConstruct
    void collect() {
        Map<String, JobDefinition> all = new LinkedHashMap<>();
        BUILT_IN.forEach(job -> all.put(job.name(), job));
        contributed.forEach(job -> all.putIfAbsent(job.name(), job));
        jobs = Collections.unmodifiableMap(all);
    }

    public List<JobDefinition> all() {
        return new ArrayList<>(jobs.values());
    }

    public Optional<JobDefinition> find(String name) {
        return Optional.ofNullable(name).map(jobs::get);
    }
}
