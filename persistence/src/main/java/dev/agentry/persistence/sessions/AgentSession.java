package dev.agentry.persistence.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A credential's session with one agent: its transcript's counters and the single-writer lock. The lock
 * ({@code holderRunId}) and the counters change only through conditional updates, so two runs can never
 * both hold it and a run that lost it can no longer write.
 */
@Entity
@Table(name = "agent_session")
@IdClass(AgentSession.Key.class)
@NamedQuery(
        name = "AgentSession.claim",
        query = "update AgentSession s set s.holderRunId = :run, s.runCount = s.runCount + 1, s.updatedAt = :now"
                + " where s.credentialId = :credential and s.sessionId = :session and s.holderRunId is null")
@NamedQuery(
        name = "AgentSession.release",
        query = "update AgentSession s set s.holderRunId = null, s.updatedAt = :now where s.holderRunId = :run")
@NamedQuery(
        name = "AgentSession.appended",
        query = "update AgentSession s set s.nextSeq = s.nextSeq + 1, s.messageCount = s.messageCount + 1,"
                + " s.byteCount = s.byteCount + :bytes, s.updatedAt = :now"
                + " where s.credentialId = :credential and s.sessionId = :session and s.holderRunId = :run")
@NamedQuery(
        name = "AgentSession.dropped",
        query = "update AgentSession s set s.messageCount = s.messageCount - :messages,"
                + " s.byteCount = s.byteCount - :bytes, s.droppedCount = s.droppedCount + :dropped"
                + " where s.credentialId = :credential and s.sessionId = :session")
@NamedQuery(name = "AgentSession.ofAgent", query = "delete from AgentSession s where s.agentSlug = :agent")
public class AgentSession {

    @Id
    @Column(name = "credential_id", length = 36)
    private String credentialId;

    @Id
    @Column(name = "session_id", length = 200)
    private String sessionId;

    @Column(name = "agent_slug", nullable = false, length = 64)
    private String agentSlug;

    @Column(name = "holder_run_id", length = 40)
    private String holderRunId;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    @Column(name = "byte_count", nullable = false)
    private long byteCount;

    @Column(name = "dropped_count", nullable = false)
    private long droppedCount;

    @Column(name = "next_seq", nullable = false)
    private long nextSeq;

    @Column(name = "run_count", nullable = false)
    private int runCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AgentSession() {}

    /** A new session, locked by the run that opens it. */
    public AgentSession(String credentialId, String sessionId, String agentSlug, String runId, Instant at) {
        this.credentialId = Objects.requireNonNull(credentialId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.agentSlug = Objects.requireNonNull(agentSlug);
        this.holderRunId = runId;
        this.runCount = runId == null ? 0 : 1;
        this.nextSeq = 1;
        this.createdAt = Objects.requireNonNull(at);
        this.updatedAt = at;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getAgentSlug() {
        return agentSlug;
    }

    public String getHolderRunId() {
        return holderRunId;
    }

    public int getMessageCount() {
        return messageCount;
    }

    public long getByteCount() {
        return byteCount;
    }

    public long getDroppedCount() {
        return droppedCount;
    }

    public long getNextSeq() {
        return nextSeq;
    }

    public int getRunCount() {
        return runCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The composite key: the owner's credential and its session id. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String credentialId;
        private String sessionId;

        public Key() {}

        public Key(String credentialId, String sessionId) {
            this.credentialId = credentialId;
            this.sessionId = sessionId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && Objects.equals(k.credentialId, credentialId)
                    && Objects.equals(k.sessionId, sessionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(credentialId, sessionId);
        }
    }
}
