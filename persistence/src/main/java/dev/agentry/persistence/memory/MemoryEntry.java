package dev.agentry.persistence.memory;

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
 * One memory entry: a JSON value under (layer, agent, owner, key), with the SHA-256 of its text. The
 * owner is empty on the agent layer, the credential's id on the credential layer, and {@code
 * <credential>/<session>} on the session layer. Writes are conditional on the hash (compare-and-swap).
 */
@Entity
@Table(name = "agent_memory")
@IdClass(MemoryEntry.Key.class)
@NamedQuery(
        name = "MemoryEntry.page",
        query = "select m from MemoryEntry m where m.layer = :layer and m.agentSlug = :agent and m.owner = :owner"
                + " and m.key > :after and m.key like :prefix order by m.key")
@NamedQuery(
        name = "MemoryEntry.count",
        query = "select count(m) from MemoryEntry m where m.layer = :layer and m.agentSlug = :agent"
                + " and m.owner = :owner")
@NamedQuery(
        name = "MemoryEntry.swap",
        query = "update MemoryEntry m set m.value = :value, m.hash = :hash, m.updatedAt = :now,"
                + " m.updatedBy = :by where m.layer = :layer and m.agentSlug = :agent and m.owner = :owner"
                + " and m.key = :key and m.hash = :ifMatch")
@NamedQuery(
        name = "MemoryEntry.remove",
        query = "delete from MemoryEntry m where m.layer = :layer and m.agentSlug = :agent and m.owner = :owner"
                + " and m.key = :key and m.hash = :ifMatch")
@NamedQuery(name = "MemoryEntry.ofAgent", query = "delete from MemoryEntry m where m.agentSlug = :agent")
public class MemoryEntry {

    @Id
    @Column(name = "layer", length = 20)
    private String layer;

    @Id
    @Column(name = "agent_slug", length = 64)
    private String agentSlug;

    @Id
    @Column(name = "owner", length = 300)
    private String owner;

    @Id
    @Column(name = "mem_key", length = 200)
    private String key;

    @Column(name = "mem_value", nullable = false, length = 1000000)
    private String value;

    @Column(name = "hash", nullable = false, length = 71)
    private String hash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected MemoryEntry() {}

    public MemoryEntry(
            String layer,
            String agentSlug,
            String owner,
            String key,
            String value,
            String hash,
            Instant updatedAt,
            String updatedBy) {
        this.layer = Objects.requireNonNull(layer);
        this.agentSlug = Objects.requireNonNull(agentSlug);
        this.owner = Objects.requireNonNull(owner);
        this.key = Objects.requireNonNull(key);
        this.value = Objects.requireNonNull(value);
        this.hash = Objects.requireNonNull(hash);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.updatedBy = Objects.requireNonNull(updatedBy);
    }

    public String getLayer() {
        return layer;
    }

    public String getAgentSlug() {
        return agentSlug;
    }

    public String getOwner() {
        return owner;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public String getHash() {
        return hash;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String layer;
        private String agentSlug;
        private String owner;
        private String key;

        public Key() {}

        public Key(String layer, String agentSlug, String owner, String key) {
            this.layer = layer;
            this.agentSlug = agentSlug;
            this.owner = owner;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && Objects.equals(k.layer, layer)
                    && Objects.equals(k.agentSlug, agentSlug)
                    && Objects.equals(k.owner, owner)
                    && Objects.equals(k.key, key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(layer, agentSlug, owner, key);
        }
    }
}
