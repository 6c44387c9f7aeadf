package dev.agentry.core.sessions;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.agents.AgentDeleted;
import dev.agentry.core.json.JsonTree;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.tools.UnicodeText;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.sessions.AgentSession;
import dev.agentry.persistence.sessions.SessionMessage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The transcripts of sessions as the runtime uses them: a run claims its session's single-writer lock
 * when it is submitted (or waits for it, {@code onBusy: queue}), reads the transcript as its context,
 * appends every message the moment it is made — so whatever way the run ends (success, failure,
 * timeout, cancel, a dead server), the transcript holds all it said — and the lock is released in the
 * transaction that ends the run. Appending is conditional on holding the lock: a run timed out by the
 * watchdog can no longer write.
 */
@Stateless
public class SessionTranscripts {

    /** What a submission got: the lock, or a place in the session's queue. */
    public enum Claim {
        HOLDS,
        WAITS
    }

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SessionBounds bounds;

    /**
     * In the submission's transaction, before the run row is written: the session is opened (bound to
     * the agent) or locked for the run; if another run holds it or runs already wait for it, the run
     * waits where the task asked to, else it is refused {@code transcript_locked}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Claim claim(String credentialId, String sessionId, String agent, String runId, boolean queue) {
        AgentSession session = em.find(
                AgentSession.class, new AgentSession.Key(credentialId, sessionId), LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            try {
                em.persist(new AgentSession(credentialId, sessionId, agent, runId, now()));
                em.flush();
            } catch (PersistenceException e) {
                throw new AgentryException(
                        ErrorCode.TRANSCRIPT_LOCKED,
                        "Another run opened session " + sessionId + " at the same moment; submit again.");
            }
            return Claim.HOLDS;
        }
        if (!session.getAgentSlug().equals(agent)) {
            throw AgentryException.validation(List.of(new FieldError(
                    "sessionId",
                    "other_agent",
                    "this session is a conversation with the agent " + FieldError.quoted(session.getAgentSlug()))));
        }
        long waiting = waiting(credentialId, sessionId, session.getHolderRunId());
        if (session.getHolderRunId() == null && waiting == 0 && lock(credentialId, sessionId, runId)) {
            return Claim.HOLDS;
        }
        String busy = session.getHolderRunId() == null
                ? waiting + " run(s) wait for it"
                : "run " + session.getHolderRunId() + " is writing its transcript";
        if (!queue) {
            throw new AgentryException(
                    ErrorCode.TRANSCRIPT_LOCKED,
                    "Session " + sessionId + " is busy: " + busy + ". Submit when it ends, or with onBusy: queue"
                            + " to wait for it.");
        }
        if (waiting >= bounds.maxWaiting()) {
            throw new AgentryException(
                    ErrorCode.TRANSCRIPT_LOCKED,
                    "Session " + sessionId + " is busy and " + waiting + " runs wait for it already, the most it"
                            + " queues; submit when one has ended.");
        }
        return Claim.WAITS;
    }

    /**
     * Before a queued run on a session starts (in its own transaction): the run takes the session's
     * lock, or keeps it; false while another run holds it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean acquire(String runId) {
        AgentRun run = em.find(AgentRun.class, runId);
        if (run == null || run.getSessionId() == null) {
            return true;
        }
        AgentSession session = em.find(
                AgentSession.class,
                new AgentSession.Key(run.getCredentialId(), run.getSessionId()),
                LockModeType.PESSIMISTIC_WRITE);
        if (session == null || runId.equals(session.getHolderRunId())) {
            return true; // a session removed with its agent: the run fails when it finds the agent gone
        }
        return session.getHolderRunId() == null && lock(run.getCredentialId(), run.getSessionId(), runId);
    }

    /** In the transaction that ends the run: its session (if it held one) is free for the next run. */
    public void release(String runId) {
        em.createNamedQuery("AgentSession.release")
                .setParameter("run", runId)
                .setParameter("now", now())
                .executeUpdate();
    }

    /**
     * The session's transcript as the run's context: every message kept, from the first that opens a
     * run (a dropped window never starts with a tool result whose call is gone).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Message> history(String credentialId, String sessionId) {
        List<Message> messages = new ArrayList<>();
        for (SessionMessage row : em.createNamedQuery("SessionMessage.after", SessionMessage.class)
                .setParameter("credential", credentialId)
                .setParameter("session", sessionId)
                .setParameter("after", 0L)
                .getResultList()) {
            Message message = message(row.getMessage());
            if (!messages.isEmpty() || opensRun(message)) {
                messages.add(message);
            }
        }
        return messages;
    }

    /**
     * Appends one message of the run to its session's transcript, if the run still holds the lock;
     * then drops the oldest messages past the bounds.
     *
     * @return false when the run no longer holds the session (nothing written)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean append(String runId, String credentialId, String sessionId, Message message) {
        // A lone surrogate (a model may send one) as its escape: PostgreSQL would store a question mark.
        String text = UnicodeText.escapedInJson(message.toJson().toString());
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        int appended = em.createNamedQuery("AgentSession.appended")
                .setParameter("bytes", (long) bytes)
                .setParameter("now", now())
                .setParameter("credential", credentialId)
                .setParameter("session", sessionId)
                .setParameter("run", runId)
                .executeUpdate();
        if (appended == 0) {
            return false;
        }
        AgentSession session = em.find(AgentSession.class, new AgentSession.Key(credentialId, sessionId));
        em.persist(new SessionMessage(credentialId, sessionId, session.getNextSeq() - 1, runId, text, bytes));
        em.flush();
        trim(session);
        return true;
    }

    /**
     * The agent is being deleted (in this transaction; its runs have all ended, so no lock is held):
     * its sessions and their transcripts go with it.
     */
    public void forget(@Observes AgentDeleted deleted) {
        em.createNamedQuery("SessionMessage.ofAgent")
                .setParameter("agent", deleted.slug())
                .executeUpdate();
        em.createNamedQuery("AgentSession.ofAgent")
                .setParameter("agent", deleted.slug())
                .executeUpdate();
    }

    /**
     * Drops the oldest messages until the transcript is within its bounds, and then on to the next
     * message that opens a run if one is left, so the window starts where a run started. The newest
     * message always stays.
     */
    private void trim(AgentSession session) {
        int messages = session.getMessageCount();
        long bytes = session.getByteCount();
        if (messages <= bounds.maxMessages() && bytes <= bounds.maxBytes()) {
            return;
        }
        List<Object[]> oldest = em.createNamedQuery("SessionMessage.oldest", Object[].class)
                .setParameter("credential", session.getCredentialId())
                .setParameter("session", session.getSessionId())
                .setMaxResults(Math.max(1, messages))
                .getResultList();
        boolean[] opens = new boolean[oldest.size()];
        int lastOpening = -1;
        for (int i = 0; i < oldest.size(); i++) {
            opens[i] = opensRun(message((String) oldest.get(i)[2]));
            lastOpening = opens[i] ? i : lastOpening;
        }
        long upTo = 0;
        int dropped = 0;
        long droppedBytes = 0;
        for (int i = 0; i < oldest.size() - 1; i++) {
            boolean within = messages - dropped <= bounds.maxMessages() && bytes - droppedBytes <= bounds.maxBytes();
            if (within && (opens[i] || i > lastOpening)) {
                break;
            }
            Object[] row = oldest.get(i);
            upTo = (Long) row[0];
            dropped++;
            droppedBytes += (Integer) row[1];
        }
        if (dropped == 0) {
            return;
        }
        em.createNamedQuery("SessionMessage.dropUpTo")
                .setParameter("credential", session.getCredentialId())
                .setParameter("session", session.getSessionId())
                .setParameter("seq", upTo)
                .executeUpdate();
        em.createNamedQuery("AgentSession.dropped")
                .setParameter("messages", dropped)
                .setParameter("dropped", (long) dropped)
                .setParameter("bytes", droppedBytes)
                .setParameter("credential", session.getCredentialId())
                .setParameter("session", session.getSessionId())
                .executeUpdate();
    }

    /** A run's conversation opens with the user's goal (the agent's instructions are not kept). */
    static boolean opensRun(Message message) {
        return message.role().equals("user") && message.type().equals("text");
    }

    static Message message(String json) {
        JsonObject stored = JsonTree.parse(json).asJsonObject();
        return new Message(
                stored.getInt("turn"),
                stored.getString("type"),
                stored.getString("role"),
                stored.getString("at"),
                stored.getJsonObject("content"));
    }

    private long waiting(String credentialId, String sessionId, String holder) {
        return em.createQuery(
                        "select count(r) from AgentRun r where r.credentialId = :credential and r.sessionId = :session"
                                + " and r.status = :queued and r.cancelRequested = false and r.id <> :holder",
                        Long.class)
                .setParameter("credential", credentialId)
                .setParameter("session", sessionId)
                .setParameter("queued", RunStatus.QUEUED)
                .setParameter("holder", holder == null ? "" : holder)
                .getSingleResult();
    }

    private boolean lock(String credentialId, String sessionId, String runId) {
        return em.createNamedQuery("AgentSession.claim")
                        .setParameter("run", runId)
                        .setParameter("now", now())
                        .setParameter("credential", credentialId)
                        .setParameter("session", sessionId)
                        .executeUpdate()
                == 1;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
