package dev.agentry.core.webhooks;

import java.util.List;

/** What a replay request did: each dead letter asked for is replayed or has an error. */
public record ReplayResult(int attempted, int replayed, List<ReplayError> errors) {

    /** Why one dead letter was not replayed. */
    public record ReplayError(String id, String code, String detail) {}
}
