package dev.agentry.core.sessions;

import dev.agentry.core.schema.Doc;
import dev.agentry.core.schema.WrittenAs;
import dev.agentry.persistence.sessions.AgentSession;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * One session as {@code agentry/session/v1}.
 *
 * @param activeRunId the run holding the transcript's lock (writing it now), or null
 * @param droppedMessages the oldest messages dropped so the transcript stays within its bounds
 */
@Doc(SessionView.SCHEMA + ": a credential's conversation with an agent across runs")
public record SessionView(
        @NotNull String schema,
        @NotNull String id,
        @NotNull String agent,
        @JsonbNillable String activeRunId,
        int runs,
        int messages,
        long bytes,
        long droppedMessages,
        @NotNull @WrittenAs(Instant.class) String createdAt,
        @NotNull @WrittenAs(Instant.class) String updatedAt) {

    public static final String SCHEMA = "agentry/session/v1";

    static SessionView of(AgentSession row) {
        return new SessionView(
                SCHEMA,
                row.getSessionId(),
                row.getAgentSlug(),
                row.getHolderRunId(),
                row.getRunCount(),
                row.getMessageCount(),
                row.getByteCount(),
                row.getDroppedCount(),
                row.getCreatedAt().toString(),
                row.getUpdatedAt().toString());
    }
}
