package dev.agentry.core.retention;

import dev.agentry.core.runs.RunWorkspace;
import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finished runs whose own {@code retentionDays} have passed since they finished, with their directory: the
 * artifact bundle and whatever cleanup left. A run that has not finished, or whose bundle is still within
 * its retention, stays. The directory goes first: if the row's removal then rolls back, the next pass
 * finds the run again and removes the row.
 */
@ApplicationScoped
public class RunPurge implements Purge {

    /** Candidates are read this many at a time while looking for expired ones. */
    private static final int SCAN = 500;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RunWorkspace files;

    @Override
    public RetentionKind kind() {
        return RetentionKind.RUNS;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        List<String> keys = new ArrayList<>();
        String after = afterKey == null ? "" : afterKey;
        while (keys.size() < limit) {
            List<AgentRun> candidates = em.createQuery(
                            "select r from AgentRun r where r.id > :after and r.finishedAt is not null order by r.id",
                            AgentRun.class)
                    .setParameter("after", after)
                    .setMaxResults(SCAN)
                    .getResultList();
            if (candidates.isEmpty()) {
                break;
            }
            for (AgentRun run : candidates) {
                if (expired(run, now) && keys.size() < limit) {
                    keys.add(run.getId());
                }
            }
            after = candidates.get(candidates.size() - 1).getId();
            em.clear(); // the rows were only read
        }
        return keys;
    }

    @Override
    public Map<String, Long> purge(Instant now, List<String> keys) {
        long runs = 0;
        long directories = 0;
        for (String id : keys) {
            AgentRun run = em.find(AgentRun.class, id);
            if (run == null || !expired(run, now)) {
                continue;
            }
            Path directory = files.directory(id);
            if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                SeedCopy.delete(directory);
                directories++;
            }
            em.remove(run);
            runs++;
        }
        return Map.of(kind().wire(), runs, "run-directories", directories);
    }

    static boolean expired(AgentRun run, Instant now) {
        return run.getStatus().terminal()
                && run.getFinishedAt() != null
                && run.getFinishedAt()
                        .plus(Duration.ofDays(run.getRetentionDays()))
                        .isBefore(now);
    }
}
