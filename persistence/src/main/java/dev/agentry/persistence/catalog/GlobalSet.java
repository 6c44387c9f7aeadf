package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** Site-wide values (footer, contact details) edited as one set. */
@Entity
@Table(name = "global_set")
public class GlobalSet extends CatalogItem {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "handle", nullable = false)
    private String handle;

    @Column(name = "fields_json", length = 1_000_000)
    private String fieldsJson;

    protected GlobalSet() {
        // for JPA
    }

    public GlobalSet(String name, String handle, String fieldsJson) {
        this.name = Objects.requireNonNull(name, "name");
        this.handle = Objects.requireNonNull(handle, "handle");
        this.fieldsJson = fieldsJson;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("name", name);
        view.put("handle", handle);
        view.put("fields", JsonFields.of(fieldsJson));
    }
}
