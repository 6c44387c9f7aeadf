package dev.agentry.core.runs;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.core.sandbox.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Where a run's files live, under {@code runs/<id>/} in the data directory: {@code baseline/} (the
 * seed as it was), {@code workspace/} (what the agent changes), {@code evidence/} (written as the
 * run goes) and {@code artifacts/} (the sealed bundle). Cleanup removes all but the artifacts and
 * records each attempt on the run.
 */
@ApplicationScoped
public class RunWorkspace {

    private static final Logger LOG = Logger.getLogger(RunWorkspace.class);

    @Inject
    RunSettings settings;

    @Inject
    RunLedger ledger;

    @Inject
    Clock clock;

    /** The directory every run's directory is in. */
    public Path root() {
        return settings.runsDirectory();
    }

    public Path directory(String id) {
        return settings.runsDirectory().resolve(id);
    }

    public Path baseline(String id) {
        return directory(id).resolve("baseline");
    }

    public Path workspace(String id) {
        return directory(id).resolve("workspace");
    }

    public Path evidence(String id) {
        return directory(id).resolve("evidence");
    }

    public Path artifacts(String id) {
        return directory(id).resolve("artifacts");
    }

    /** What cleanup removes: the workspace, the baseline and the working evidence. */
    public List<Path> cleanedUp(String id) {
        return List.of(workspace(id), baseline(id), evidence(id));
    }

    /** Removes the workspace, baseline and working evidence; records the attempt, failed or not. */
    public boolean cleanUp(String id, String reason) {
        long started = System.nanoTime();
        String error = null;
        for (Path path : cleanedUp(id)) {
            try {
                SeedCopy.delete(path);
            } catch (RuntimeException e) {
                // The run's record is read by callers: no exception class there, the log has it.
                error = "could not remove " + path.getFileName();
                LOG.debugf("Cleanup of run %s: %s", id, e.toString());
            }
        }
        boolean removed = error == null
                && !Files.exists(workspace(id))
                && !Files.exists(baseline(id))
                && !Files.exists(evidence(id));
        var attempt = Jsonp.createObjectBuilder()
                .add("at", clock.instant().toString())
                .add("reason", reason)
                .add("removed", removed)
                .add("durationMs", (System.nanoTime() - started) / 1_000_000);
        if (error != null) {
            attempt.add("error", error);
            LOG.warnf("Cleanup of run %s incomplete: %s", id, error);
        }
        ledger.recordCleanup(id, attempt.build());
        return removed;
    }

    /** Every plain file under a directory, in name order; links and the like are left out. */
    static List<Path> plainFiles(Path directory) {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (var walk = Files.walk(directory)) {
                walk.filter(Workspace::isPlainFile).sorted().forEach(found::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return found;
    }
}
