package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** A node of the category tree; a root has no parent. */
@Entity
@Table(name = "category")
public class Category extends CatalogItem {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "slug", nullable = false)
    private String slug;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Category parent;

    protected Category() {
        // for JPA
    }

    public Category(String name, String slug, Category parent) {
        this.name = Objects.requireNonNull(name, "name");
        this.slug = Objects.requireNonNull(slug, "slug");
        this.parent = parent;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("name", name);
        view.put("slug", slug);
        view.put("parent", parent == null ? null : parent.getUid());
    }
}
