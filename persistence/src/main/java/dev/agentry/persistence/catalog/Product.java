package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** Something the shop sells, in one or more variants. */
@Entity
@Table(name = "product")
public class Product extends CatalogItem {

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "slug", nullable = false)
    private String slug;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "status", nullable = false)
    private String status;

    protected Product() {
        // for JPA
    }

    public Product(String title, String slug, String type) {
        this.title = Objects.requireNonNull(title, "title");
        this.slug = Objects.requireNonNull(slug, "slug");
        this.type = Objects.requireNonNull(type, "type");
    }

    {
        status = "live";
    }

    public void archive() {
        status = "archived";
    }

    public void retitle(String newTitle) {
        this.title = Objects.requireNonNull(newTitle, "title");
    }

    /** Back on sale after {@link #archive}. */
    public void relist() {
        status = "live";
    }

    public String getStatus() {
        return status;
    }

    public String getSlug() {
        return slug;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("title", title);
        view.put("slug", slug);
        view.put("type", type);
        view.put("status", status);
    }
}
