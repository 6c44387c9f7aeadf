package dev.agentry.persistence.runs;

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
 * One event of a run, numbered from 1 within it. Written once, never changed; removed with its run.
 */
@Entity
@Table(name = "run_event")
@IdClass(RunEvent.Key.class)
@NamedQuery(
        name = "RunEvent.after",
        query = "select e from RunEvent e where e.runId = :runId and e.seq > :after order by e.seq")
@NamedQuery(name = "RunEvent.last", query = "select max(e.seq) from RunEvent e where e.runId = :runId")
public class RunEvent {

    @Id
    @Column(name = "run_id", length = 40)
    private String runId;

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(name = "event_type", nullable = false, length = 40)
    private String type;

    @Column(name = "payload", nullable = false, length = 1000000)
    private String data;

    protected RunEvent() {}

    public RunEvent(String runId, long seq, Instant at, String type, String data) {
        this.runId = Objects.requireNonNull(runId);
        this.seq = seq;
        this.at = Objects.requireNonNull(at);
        this.type = Objects.requireNonNull(type);
        this.data = Objects.requireNonNull(data);
    }

    public String getRunId() {
        return runId;
    }

    public long getSeq() {
        return seq;
    }

    public Instant getAt() {
        return at;
    }

    public String getType() {
        return type;
    }

    public String getData() {
        return data;
    }

    /** The composite key: run and number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String runId;
        private long seq;

        public Key() {}

        public Key(String runId, long seq) {
            this.runId = runId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.seq == seq && Objects.equals(key.runId, runId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, seq);
        }
    }
}
