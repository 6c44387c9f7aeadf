package dev.agentry.core.retention;

import dev.agentry.core.catalog.CatalogImports;
import dev.agentry.core.catalog.ImportFiles;
import dev.agentry.core.jobs.JobControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Uploaded catalog import files unchanged for the horizon ({@code agentry.retention.import-files}), unless
 * a running import reads one. A failed or stopped import older than the horizon can then no longer be
 * restarted: its file is gone (by default as long as its execution is kept, {@code job-executions}). Keys
 * are file names in name order; each is checked again when it is removed.
 */
@ApplicationScoped
public class ImportFilePurge implements Purge {

    private static final Logger LOG = Logger.getLogger(ImportFilePurge.class);

    /** Files examined per page while looking for expired ones. */
    private static final int SCAN = 500;

    @Inject
    RetentionHorizons horizons;

    @Inject
    JobControl jobs;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    @Override
    public RetentionKind kind() {
        return RetentionKind.IMPORT_FILES;
    }

    @Override
    public List<String> expired(Instant now, String afterKey, int limit) {
        Instant cutoff = horizons.cutoff(kind(), now);
        Set<String> reading = reading();
        List<String> keys = new ArrayList<>();
        String after = afterKey;
        while (keys.size() < limit) {
            List<String> names = DirectoryListing.page(directory(), false, after, SCAN);
            if (names.isEmpty()) {
                break;
            }
            for (String name : names) {
                if (keys.size() < limit && expired(name, cutoff, reading)) {
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
        Set<String> reading = reading();
        long removed = 0;
        for (String name : keys) {
            if (expired(name, cutoff, reading)) {
                try {
                    if (Files.deleteIfExists(directory().resolve(name))) {
                        removed++;
                    }
                } catch (IOException e) {
                    // One file the server cannot remove must not stop the pass; the next one tries again.
                    LOG.warnf("Retention could not remove import file %s: %s", name, e);
                }
            }
        }
        return Map.of(kind().wire(), removed);
    }

    private boolean expired(String name, Instant cutoff, Set<String> reading) {
        Path file = directory().resolve(name);
        if (!directory().equals(file.getParent()) || reading.contains(name)) {
            return false;
        }
        Instant modified = DirectoryListing.modified(file);
        return modified != null && modified.isBefore(cutoff) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The files of the imports that are starting, running or stopping. */
    private Set<String> reading() {
        return jobs.running(CatalogImports.JOB).stream()
                .map(execution -> execution.parameters().get(CatalogImports.FILE))
                .filter(name -> name != null)
                .collect(Collectors.toSet());
    }

    private Path directory() {
        return ImportFiles.directory(dataDir);
    }
}
