package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** A person with an account in the system of record; the email is personal data. */
@Entity
@Table(name = "catalog_user")
public class CatalogUser extends CatalogItem {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "username", nullable = false)
    private String username;

    @Column(name = "email")
    private String email;

    protected CatalogUser() {
        // for JPA
    }

    public CatalogUser(String name, String username, String email) {
        this.name = Objects.requireNonNull(name, "name");
        this.username = Objects.requireNonNull(username, "username");
        this.email = email;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("name", name);
        view.put("username", username);
        view.put("email", email);
    }
}
