package dev.agentry.core.retention;

import dev.agentry.core.runs.RunWorkspace;
import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What runs left in the runs directory past the horizon ({@code agentry.retention.workspaces}): the
 * workspace, baseline and evidence of a run that finished before it, when its cleanup failed (its bundle
 * stays, for the run's own {@code retentionDays}); and the whole directory of a run that no longer exists,
 * once nothing in it changed for the horizon (so a run being created is never taken for an orphan). Keys
 * are directory names in name order; each is checked again when it is removed.
 */
@ApplicationScoped
public class WorkspacePurge implements Purge {

    private static final Logger LOG = Logger.getLogger(WorkspacePurge.class);

    /** Directories examined per page while looking for leftovers. */
    private static final int SCAN = 500;

    static final String ORPHANS = "orphaned-run-directories";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    RetentionHorizons horizons;

    @Inject
    RunWorkspace files;

    @Override
    public RetentionKind kind() {
        return RetentionKind.WORKSPACES;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        Instant cutoff = horizons.cutoff(kind(), now);
        List<String> keys = new ArrayList<>();
        String after = afterKey;
        while (keys.size() < limit) {
            List<String> names = DirectoryListing.page(files.root(), true, after, SCAN);
            if (names.isEmpty()) {
                break;
            }
            Map<String, Finished> runs = finished(names);
            for (String name : names) {
                if (keys.size() < limit && expired(name, runs, cutoff)) {
                    keys.add(name);
                }
            }
            after = names.get(names.size() - 1);
        }
        return keys;
    }

    @Override
    public Map<String, Long> purge(Instant now, List<String> keys) {
        Instant cutoff = horizons.cutoff(kind(), now);
        Map<String, Finished> runs = finished(keys);
        long leftovers = 0;
        long orphans = 0;
        for (String name : keys) {
            if (!expired(name, runs, cutoff)) {
                continue;
            }
            boolean orphan = !runs.containsKey(name);
            try {
                if (orphan) {
                    SeedCopy.delete(files.directory(name));
                    orphans++;
                } else {
                    files.cleanedUp(name).forEach(SeedCopy::delete);
                    leftovers++;
                }
            } catch (UncheckedIOException e) {
                // One directory the server cannot remove must not stop the pass; the next one tries again.
                LOG.warnf(
                        "Retention could not remove %s of run %s: %s",
                        orphan ? "the directory" : "leftovers", name, e.getCause());
            }
        }
        Map<String, Long> removed = new HashMap<>();
        removed.put(kind().wire(), leftovers + orphans);
        removed.put(ORPHANS, orphans);
        return removed;
    }

    /** A run's row as retention reads it: whether it ended, and when. */
    private record Finished(RunStatus status, Instant finishedAt) {}

    private boolean expired(String name, Map<String, Finished> runs, Instant cutoff) {
        Path directory = files.directory(name);
        if (!directory.getParent().equals(files.root()) || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Finished run = runs.get(name);
        if (run == null) {
            Instant modified = DirectoryListing.modified(directory);
            return modified != null && modified.isBefore(cutoff);
        }
        return run.status().terminal()
                && run.finishedAt() != null
                && run.finishedAt().isBefore(cutoff)
                && files.cleanedUp(name).stream().anyMatch(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** The runs among {@code ids} that exist, with their status and end. */
    private Map<String, Finished> finished(List<String> ids) {
        Map<String, Finished> runs = new HashMap<>();
        em.createQuery("select r.id, r.status, r.finishedAt from AgentRun r where r.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> runs.put((String) row[0], new Finished((RunStatus) row[1], (Instant) row[2])));
        return runs;
    }
}
