package dev.agentry.core.memory;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.List;

/**
 * Where entries live: a layer of one agent's memory, for one owner. The owner follows from the layer
 * and who asks, never from what a caller says: the agent layer has none, the credential layer is the
 * caller's credential, the session layer the caller's credential and session.
 */
public record MemoryPlace(MemoryLayer layer, String agent, String owner) {

    /** The place a caller (its credential) reaches on this layer; a session layer needs the session. */
    public static MemoryPlace of(MemoryLayer layer, String agent, String credentialId, String session) {
        return switch (layer) {
            case AGENT -> new MemoryPlace(layer, agent, "");
            case CREDENTIAL -> new MemoryPlace(layer, agent, credentialId);
            case SESSION -> {
                if (session == null || session.isBlank() || session.length() > 200) {
                    throw AgentryException.validation(List.of(new FieldError(
                            "session", "required", "the session layer needs a session id of 1 to 200 characters")));
                }
                yield new MemoryPlace(layer, agent, credentialId + "/" + session);
            }
        };
    }
}
