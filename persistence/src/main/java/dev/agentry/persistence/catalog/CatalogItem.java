package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What every catalog record has: a database id, a public uid, an optimistic-locking version,
 * timestamps and a soft-delete mark. A record describes itself as the API shows it ({@link #snapshot}),
 * so one generic mechanism can list, filter, project and feed every collection.
 */
@MappedSuperclass
public abstract class CatalogItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalog_seq")
    @SequenceGenerator(name = "catalog_seq", sequenceName = "catalog_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 36)
    private String uid = UUID.randomUUID().toString();

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Stamps a change made at {@code now}; the first stamp is also the creation time. */
    public void touch(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    /** Soft delete: the record disappears from the API and the feed carries a tombstone. */
    public void delete(Instant now) {
        deletedAt = now;
        updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The record as the API shows it: common attributes around the record's own. */
    public Map<String, Object> snapshot() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("uid", uid);
        describe(view);
        view.put("createdAt", text(createdAt));
        view.put("updatedAt", text(updatedAt));
        view.put("version", version);
        return view;
    }

    /** Puts this record's own attributes, under their API names, into {@code view}. */
    protected abstract void describe(Map<String, Object> view);

    protected static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public Long getId() {
        return id;
    }

    public String getUid() {
        return uid;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
