package dev.agentry.persistence.signals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A change every node must see: what of {@code kind} named {@code subject} no node may keep cached. Written in
 * the transaction of the change itself, so it exists exactly when the change committed.
 */
@Entity
@Table(name = "cluster_signal")
@NamedQuery(name = "ClusterSignal.after", query = "select s from ClusterSignal s where s.id > :after order by s.id")
@NamedQuery(name = "ClusterSignal.newestId", query = "select max(s.id) from ClusterSignal s")
@NamedQuery(name = "ClusterSignal.purgeBefore", query = "delete from ClusterSignal s where s.createdAt < :before")
public class ClusterSignal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ClusterSignal() {
        // for JPA
    }

    public ClusterSignal(String kind, String subject, Instant createdAt) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
