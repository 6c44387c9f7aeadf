package dev.agentry.core.sessions;

import dev.agentry.core.Boundary;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.sessions.AgentSession;
import dev.agentry.persistence.sessions.SessionMessage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The sessions boundary: a session and its transcript, for its owner only. A session id is the
 * owner's own name for it, looked up under the caller's credential, so another credential's session
 * of the same name is simply not there ({@code 404 not_found}), whatever scopes the caller holds.
 */
@Stateless
@Boundary
public class Sessions {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CursorSeal seal;

    public SessionView view(Grant grant, String id) {
        return SessionView.of(find(grant, id));
    }

    /**
     * The transcript, oldest message first, a page at a time; the catalog records its runs read are
     * shown under the reader's current scopes ({@link TranscriptScope}).
     */
    public Page<TranscriptEntry> transcript(Grant grant, String id, int limit, String cursor) {
        AgentSession session = find(grant, id);
        String binding = "session|" + session.getCredentialId() + "|" + session.getSessionId() + "|";
        long after = 0;
        if (cursor != null) {
            String payload = seal.open(cursor);
            if (!payload.startsWith(binding)) {
                throw CursorSeal.invalid("The cursor belongs to another listing.");
            }
            after = Long.parseLong(payload.substring(binding.length()));
        }
        List<SessionMessage> rows = em.createNamedQuery("SessionMessage.after", SessionMessage.class)
                .setParameter("credential", session.getCredentialId())
                .setParameter("session", session.getSessionId())
                .setParameter("after", after)
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        List<SessionMessage> page = more ? rows.subList(0, limit) : rows;
        String next = more ? seal.seal(binding + page.get(page.size() - 1).getSeq()) : null;
        return Page.of(
                page.stream()
                        .map(row -> TranscriptScope.shown(
                                grant,
                                TranscriptEntry.of(
                                        row.getSeq(), row.getRunId(), SessionTranscripts.message(row.getMessage()))))
                        .toList(),
                next);
    }

    private AgentSession find(Grant grant, String id) {
        AgentSession session = id == null || id.length() > 200
                ? null
                : em.find(AgentSession.class, new AgentSession.Key(grant.credentialId(), id));
        if (session == null) {
            throw AgentryException.notFound("There is no session with this id.");
        }
        return session;
    }
}
