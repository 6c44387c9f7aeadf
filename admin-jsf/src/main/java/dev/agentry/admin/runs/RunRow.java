package dev.agentry.admin.runs;

import dev.agentry.core.runs.RunView;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A run as a row of the list and the head of its page: the view's typed fields as the page shows them. */
public record RunRow(
        String id,
        String status,
        String outcome,
        String stopReason,
        String agent,
        String credentialId,
        String createdAt,
        String finishedAt,
        String bundleId,
        boolean cancelRequested,
        boolean ended)
        implements Serializable {

    static RunRow of(RunView run) {
        return new RunRow(
                run.id(),
                run.status().wire(),
                run.outcome() == null ? "" : run.outcome().wire(),
                run.stopReason() == null ? "" : run.stopReason().wire(),
                run.agent(),
                run.credentialId(),
                text(run.createdAt()),
                text(run.finishedAt()),
                run.bundleId() == null ? "" : run.bundleId(),
                run.cancelRequested(),
                run.ended());
    }

    /** An instant as ISO-8601 text to the second (the page shows it in the reader's zone); unknown is empty. */
    private static String text(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
