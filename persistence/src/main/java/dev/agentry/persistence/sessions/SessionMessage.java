package dev.agentry.persistence.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One message of a session's transcript ({@code agentry/message/v1} as JSON text), numbered from 1. */
@Entity
@Table(name = "session_message")
@IdClass(SessionMessage.Key.class)
@NamedQuery(
        name = "SessionMessage.after",
        query = "select m from SessionMessage m where m.credentialId = :credential and m.sessionId = :session"
                + " and m.seq > :after order by m.seq")
@NamedQuery(
        name = "SessionMessage.oldest",
        query = "select m.seq, m.bytes, m.message from SessionMessage m where m.credentialId = :credential"
                + " and m.sessionId = :session order by m.seq")
@NamedQuery(
        name = "SessionMessage.dropUpTo",
        query = "delete from SessionMessage m where m.credentialId = :credential and m.sessionId = :session"
                + " and m.seq <= :seq")
@NamedQuery(
        name = "SessionMessage.ofAgent",
        query = "delete from SessionMessage m where exists (select s from AgentSession s where s.agentSlug = :agent"
                + " and s.credentialId = m.credentialId and s.sessionId = m.sessionId)")
public class SessionMessage {

    @Id
    @Column(name = "credential_id", length = 36)
    private String credentialId;

    @Id
    @Column(name = "session_id", length = 200)
    private String sessionId;

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "run_id", nullable = false, length = 40)
    private String runId;

    @Column(name = "byte_count", nullable = false)
    private int bytes;

    @Column(name = "message", nullable = false, length = 1000000)
    private String message;

    protected SessionMessage() {}

    public SessionMessage(String credentialId, String sessionId, long seq, String runId, String message, int bytes) {
        this.credentialId = Objects.requireNonNull(credentialId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.seq = seq;
        this.runId = Objects.requireNonNull(runId);
        this.message = Objects.requireNonNull(message);
        this.bytes = bytes;
    }

    public long getSeq() {
        return seq;
    }

    public String getRunId() {
        return runId;
    }

    public int getBytes() {
        return bytes;
    }

    public String getMessage() {
        return message;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String credentialId;
        private String sessionId;
        private long seq;

        public Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && Objects.equals(k.credentialId, credentialId)
                    && Objects.equals(k.sessionId, sessionId)
                    && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(credentialId, sessionId, seq);
        }
    }
}
