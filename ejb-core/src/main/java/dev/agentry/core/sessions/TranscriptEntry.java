package dev.agentry.core.sessions;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.schema.WrittenAs;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * One message of a session's transcript: an {@code agentry/message/v1} message as its run wrote it,
 * with its place in the session and the run that wrote it.
 *
 * @param seq its number in the session, from 1; the oldest numbers are gone once messages were dropped
 */
@Doc(Message.SCHEMA + " in a session's transcript: the message, its number and its run")
public record TranscriptEntry(
        @NotNull String schema,
        long seq,
        @NotNull String runId,
        int turn,

        @NotNull @Doc("text, tool_call, tool_result, approval_required, final_result or error")
        String type,

        @NotNull @Doc("user, assistant or tool") String role,
        @NotNull @WrittenAs(Instant.class) String at,
        @NotNull JsonObject content) {

    static TranscriptEntry of(long seq, String runId, Message message) {
        return new TranscriptEntry(
                Message.SCHEMA,
                seq,
                runId,
                message.turn(),
                message.type(),
                message.role(),
                message.at(),
                message.content());
    }
}
