package dev.agentry.core.mcp;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A credential's MCP sessions on this node, as those who manage the credential see and end them: only for a
 * credential the caller's grant ceiling covers (the credential's own rule, {@link CredentialService#find}), each
 * named by its handle, never its id. Ending one is audited; the session ends once that record commits.
 */
@Stateless
@Boundary
public class CredentialMcpSessions {

    @Inject
    CredentialService credentials;

    @Inject
    McpSessions sessions;

    @Inject
    AuditTrail audit;

    @Inject
    Event<McpSessionEnded> ended;

    /** The credential's live sessions, most recently used first. */
    public List<McpSessionView> of(Grant caller, String credentialId) {
        return sessions.of(credential(caller, credentialId)).stream()
                .map(McpSessionView::of)
                .toList();
    }

    /**
     * Ends the credential's session with this handle: its client's next message on it is answered 404 and it
     * initialises again (its token still works). A session already gone is {@code not_found}.
     */
    public void end(Grant caller, String credentialId, String handle) {
        String credential = credential(caller, credentialId);
        McpSession session = sessions.withHandle(credential, handle)
                .orElseThrow(() -> AgentryException.notFound("This MCP session has already ended."));
        audit.action("mcp.session.end", credential + " " + session.handle());
        ended.fire(new McpSessionEnded(credential, session.handle()));
    }

    /** How many live sessions each of the caller's credentials holds (those holding none are absent). */
    public Map<String, Integer> counts(Grant caller) {
        Map<String, Integer> all = sessions.counts();
        if (all.isEmpty()) {
            return Map.of();
        }
        return credentials.list(caller).stream()
                .map(CredentialView::id)
                .filter(all::containsKey)
                .collect(Collectors.toMap(id -> id, all::get));
    }

    /** The credential's id, once the caller may see it. */
    private String credential(Grant caller, String credentialId) {
        return credentials.find(caller, credentialId).id();
    }
}
