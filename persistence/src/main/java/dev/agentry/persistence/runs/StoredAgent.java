package dev.agentry.persistence.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** An agent definition registered through the API or the console, kept as its JSON document. */
@Entity
@Table(name = "agent_definition")
@NamedQuery(name = "StoredAgent.all", query = "select a from StoredAgent a order by a.slug")
public class StoredAgent {

    @Id
    @Column(length = 64)
    private String slug;

    @Column(nullable = false, length = 100000)
    private String definition;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected StoredAgent() {
        // for JPA
    }

    public StoredAgent(String slug, String definition, Instant at) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.createdAt = at;
        this.updatedAt = at;
    }

    public String getSlug() {
        return slug;
    }

    public String getDefinition() {
        return definition;
    }

    public void replace(String definition, Instant at) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.updatedAt = at;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
