package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;

/** A postal address; everything that locates or reaches a person is personal data. */
@Entity
@Table(name = "address")
public class Address extends CatalogItem {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private CatalogUser user;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "line1")
    private String line1;

    @Column(name = "city")
    private String city;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "country")
    private String country;

    @Column(name = "phone")
    private String phone;

    protected Address() {
        // for JPA
    }

    public Address(
            CatalogUser user,
            String fullName,
            String line1,
            String city,
            String postalCode,
            String country,
            String phone) {
        this.user = user;
        this.fullName = fullName;
        this.line1 = line1;
        this.city = city;
        this.postalCode = postalCode;
        this.country = country;
        this.phone = phone;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("user", user == null ? null : user.getUid());
        view.put("fullName", fullName);
        view.put("line1", line1);
        view.put("city", city);
        view.put("postalCode", postalCode);
        view.put("country", country);
        view.put("phone", phone);
    }
}
