package dev.agentry.core.runs;

import dev.agentry.persistence.runs.RunStatus;
import java.time.Instant;

/** What a run listing is narrowed to; null means any. */
public record RunFilter(
        RunStatus status, String agent, String credentialId, Instant createdSince, Instant createdBefore) {

    /** The filters as a cursor binding: a cursor only continues the listing it came from. */
    String binding() {
        return status + "|" + agent + "|" + credentialId + "|" + createdSince + "|" + createdBefore;
    }
}
