package dev.agentry.core.mcp;

import dev.agentry.core.Boundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open MCP sessions of this node, bounded: at most {@code agentry.mcp.max-sessions-per-credential} per
 * credential (opening one more ends that credential's least recently used, so a client that lost its id is
 * never locked out), and none idle longer than {@code agentry.mcp.session-idle}. A session holds no data of
 * its own — every request is authorised afresh by its token — so losing one (a restart, another node) only
 * makes the client initialise again, which a 404 tells it to do. The API's MCP transport calls it directly (its
 * sessions are no transaction's business); administrators go through {@link CredentialMcpSessions}, which checks
 * and audits.
 */
@ApplicationScoped
@Boundary
public class McpSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "agentry.mcp.max-sessions-per-credential", defaultValue = "16")
    int maxPerCredential;

    @Inject
    @ConfigProperty(name = "agentry.mcp.session-idle", defaultValue = "PT30M")
    Duration idle;

    @Inject
    Clock clock;

    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();

    /** Opens a session for the credential, ending expired ones and, over the bound, its least recently used. */
    public McpSession open(String credentialId, String protocolVersion, String client) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
        synchronized (this) {
            List<McpSession> own = sessions.values().stream()
                    .filter(session -> session.credentialId().equals(credentialId))
                    .sorted(Comparator.comparing(McpSession::lastUsedAt))
                    .toList();
            for (int i = 0; i <= own.size() - maxPerCredential; i++) {
                sessions.remove(own.get(i).id());
            }
            byte[] id = new byte[24];
            RANDOM.nextBytes(id);
            McpSession session = new McpSession(
                    Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                    credentialId,
                    protocolVersion,
                    client,
                    now,
                    now);
            sessions.put(session.id(), session);
            return session;
        }
    }

    /** The credential's live session with this id, now marked used; empty if unknown, expired or another's. */
    public Optional<McpSession> use(String id, String credentialId) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        McpSession session = sessions.computeIfPresent(id, (key, found) -> expired(found, now) ? null : found);
        if (session == null || !session.credentialId().equals(credentialId)) {
            return Optional.empty();
        }
        McpSession used = session.used(now);
        sessions.replace(id, session, used);
        return Optional.of(used);
    }

    /** Ends the credential's session with this id; whether there was one. */
    public boolean close(String id, String credentialId) {
        return use(id, credentialId)
                .map(session -> sessions.remove(session.id()) != null)
                .orElse(false);
    }

    /**
     * The credential's live session named by its {@linkplain McpSession#handle() handle}, as an administrator
     * names it, left as it is (looking is not using); empty if there is none, or (improbably) several.
     */
    public Optional<McpSession> withHandle(String credentialId, String handle) {
        if (handle == null || handle.length() != McpSession.HANDLE_LENGTH) {
            return Optional.empty();
        }
        List<McpSession> named = of(credentialId).stream()
                .filter(session -> session.handle().equals(handle))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /**
     * Ends the credential's session with this handle for an administrator; whether there was one. Its client's
     * next message on it is answered 404, so it initialises again.
     */
    public boolean end(String credentialId, String handle) {
        return withHandle(credentialId, handle)
                .map(session -> sessions.remove(session.id()) != null)
                .orElse(false);
    }

    /** An administrator's ending, once its audit record is committed: a rolled-back ending ends nothing. */
    void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) McpSessionEnded ending) {
        end(ending.credentialId(), ending.handle());
    }

    /** How many live sessions each credential holding any has on this node. */
    public Map<String, Integer> counts() {
        Instant now = clock.instant();
        Map<String, Integer> counts = new HashMap<>();
        sessions.values().stream()
                .filter(session -> !expired(session, now))
                .forEach(session -> counts.merge(session.credentialId(), 1, Integer::sum));
        return counts;
    }

    /** The credential's live sessions, most recently used first. */
    public List<McpSession> of(String credentialId) {
        Instant now = clock.instant();
        return sessions.values().stream()
                .filter(session -> session.credentialId().equals(credentialId) && !expired(session, now))
                .sorted(Comparator.comparing(McpSession::lastUsedAt).reversed())
                .toList();
    }

    private boolean expired(McpSession session, Instant now) {
        return session.lastUsedAt().plus(idle).isBefore(now);
    }
}
