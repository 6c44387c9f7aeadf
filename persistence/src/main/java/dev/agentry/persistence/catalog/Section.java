package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** A section groups entries: a channel (a blog), a structure or a single page. */
@Entity
@Table(name = "section")
public class Section extends CatalogItem {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "handle", nullable = false)
    private String handle;

    @Column(name = "type", nullable = false)
    private String type;

    protected Section() {
        // for JPA
    }

    public Section(String name, String handle, String type) {
        this.name = Objects.requireNonNull(name, "name");
        this.handle = Objects.requireNonNull(handle, "handle");
        this.type = Objects.requireNonNull(type, "type");
    }

    public String getHandle() {
        return handle;
    }

    public void rename(String newName) {
        this.name = Objects.requireNonNull(newName, "name");
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("name", name);
        view.put("handle", handle);
        view.put("type", type);
    }
}
