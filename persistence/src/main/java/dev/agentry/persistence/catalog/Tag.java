package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** A free-form label on content. */
@Entity
@Table(name = "tag")
public class Tag extends CatalogItem {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "slug", nullable = false)
    private String slug;

    protected Tag() {
        // for JPA
    }

    public Tag(String name, String slug) {
        this.name = Objects.requireNonNull(name, "name");
        this.slug = Objects.requireNonNull(slug, "slug");
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("name", name);
        view.put("slug", slug);
    }
}
