package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** A reusable block of content. */
@Entity
@Table(name = "content_block")
public class ContentBlock extends CatalogItem {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "handle", nullable = false)
    private String handle;

    @Column(name = "body", length = 100_000)
    private String body;

    protected ContentBlock() {
        // for JPA
    }

    public ContentBlock(String name, String handle, String body) {
        this.name = Objects.requireNonNull(name, "name");
        this.handle = Objects.requireNonNull(handle, "handle");
        this.body = body;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("name", name);
        view.put("handle", handle);
        view.put("body", body);
    }
}
