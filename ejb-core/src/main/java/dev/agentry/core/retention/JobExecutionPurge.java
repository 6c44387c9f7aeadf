package dev.agentry.core.retention;

import dev.agentry.core.jobs.JobControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Finished job executions in the batch job repository, with their steps, so scheduled jobs do not grow it
 * without bound. The repository is its own database and commits on its own: were the chunk's transaction to
 * roll back afterwards, those executions would be gone uncounted (never counted twice).
 */
@ApplicationScoped
public class JobExecutionPurge implements Purge {

    @Inject
    JobControl jobs;

    @Inject
    RetentionHorizons horizons;

    @Override
    public RetentionKind kind() {
        return RetentionKind.JOB_EXECUTIONS;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        return jobs
                .finishedBefore(horizons.cutoff(kind(), now), afterKey == null ? 0 : Long.parseLong(afterKey), limit)
                .stream()
                .map(String::valueOf)
                .toList();
    }

    @Override
    public Map<String, Long> purge(Instant now, List<String> keys) {
        int removed = jobs.removeExecutions(keys.stream().map(Long::valueOf).toList(), horizons.cutoff(kind(), now));
        return Map.of(kind().wire(), (long) removed);
    }
}
