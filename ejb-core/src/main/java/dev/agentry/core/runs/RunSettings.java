package dev.agentry.core.runs;

import dev.agentry.core.sandbox.ArchiveImport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The operator's settings for runs, read once (README, "Configuration"). */
@ApplicationScoped
class RunSettings {

    private static final Logger LOG = Logger.getLogger(RunSettings.class);

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    /** Where runs live; in a cluster, storage every node sees, so a survivor can clean up a dead node's runs. */
    @Inject
    @ConfigProperty(name = "agentry.runs.root")
    Optional<String> runsRoot;

    @Inject
    @ConfigProperty(name = "agentry.runs.max-concurrent", defaultValue = "2")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "agentry.runs.heartbeat-interval", defaultValue = "PT15S")
    Duration heartbeatInterval;

    @Inject
    @ConfigProperty(name = "agentry.runs.stale-after", defaultValue = "PT1M")
    Duration staleAfter;

    @Inject
    @ConfigProperty(name = "agentry.runs.default-timeout", defaultValue = "PT10M")
    Duration defaultTimeout;

    @Inject
    @ConfigProperty(name = "agentry.runs.max-timeout", defaultValue = "PT1H")
    Duration maxTimeout;

    @Inject
    @ConfigProperty(name = "agentry.runs.output-cap-bytes", defaultValue = "4194304")
    long outputCap;

    @Inject
    @ConfigProperty(name = "agentry.runs.env-allowlist", defaultValue = "PATH,LANG,LC_ALL,TZ")
    List<String> envAllowlist;

    @Inject
    @ConfigProperty(name = "agentry.runs.secret-env")
    Optional<List<String>> secretEnv;

    @Inject
    @ConfigProperty(name = "agentry.runs.retention-days", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "agentry.runs.archive-max-bytes", defaultValue = "268435456")
    long archiveMaxBytes;

    @Inject
    @ConfigProperty(name = "agentry.runs.archive-max-entries", defaultValue = "20000")
    int archiveMaxEntries;

    @Inject
    @ConfigProperty(name = "agentry.runs.collect-timeout", defaultValue = "PT2M")
    Duration collectTimeout;

    @Inject
    @ConfigProperty(name = "agentry.runs.collect-max-bytes", defaultValue = "33554432")
    long collectMaxBytes;

    @Inject
    @ConfigProperty(name = "agentry.runs.seeds")
    Optional<List<String>> seeds;

    @Inject
    @ConfigProperty(name = "agentry.runs.verify-steps")
    Optional<String> verifySteps;

    public int maxConcurrent() {
        return Math.max(1, maxConcurrent);
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** A run whose heartbeat is older than this is taken for dead and timed out. */
    public Duration staleAfter() {
        return staleAfter;
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    public Duration maxTimeout() {
        return maxTimeout;
    }

    public long outputCap() {
        return outputCap;
    }

    public Set<String> envAllowlist() {
        Set<String> names = new LinkedHashSet<>();
        envAllowlist.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }

    /** Which server variables a task may pass as secrets ({@code agentry.runs.secret-env}). */
    public SecretEnvRule secretEnv() {
        return SecretEnvRule.of(secretEnv.orElse(List.of()), envAllowlist());
    }

    /** Says at startup what of {@code agentry.runs.secret-env} is ignored or unset: never the values. */
    void onStartup(@Observes Startup startup) {
        SecretEnvRule rule = secretEnv();
        if (!rule.ignored().isEmpty()) {
            LOG.warnf(
                    "agentry.runs.secret-env: %s ignored: HOME, PATH and the names of agentry.runs.env-allowlist"
                            + " are never secrets",
                    new TreeSet<>(rule.ignored()));
        }
        Set<String> unset = new TreeSet<>(rule.allowed());
        unset.removeIf(name -> System.getenv(name) != null);
        if (!unset.isEmpty()) {
            LOG.warnf(
                    "agentry.runs.secret-env: %s not set in the server's environment; tasks naming them are refused",
                    unset);
        }
    }

    public int retentionDays() {
        return retentionDays;
    }

    public ArchiveImport.Limits archiveLimits() {
        return new ArchiveImport.Limits(archiveMaxBytes, archiveMaxEntries);
    }

    /** Where runs keep their workspace, evidence and artifacts. */
    public Path runsDirectory() {
        return runsRoot.map(Path::of).orElseGet(() -> Path.of(dataDir, "agentry", "runs"));
    }

    public Path dataDirectory() {
        return Path.of(dataDir, "agentry");
    }

    /** The configured {@code name=path} seed entries; empty means the bundled demo seed only. */
    public List<String> seedEntries() {
        return seeds.orElse(List.of());
    }

    public Path verifyStepsFile() {
        return Path.of(
                verifySteps.orElse(dataDirectory().resolve("verify-steps.json").toString()));
    }

    /** The most time collecting a run's artifacts (hashing, diffing, writing) may take. */
    public Duration collectTimeout() {
        return collectTimeout;
    }

    /**
     * The most bytes a run's patch may hold; past it, collection stops with what it has. The patch (and
     * a whole-file change's content while it is encoded) is held in memory, hence a modest default.
     */
    public long collectMaxBytes() {
        return collectMaxBytes;
    }
}
