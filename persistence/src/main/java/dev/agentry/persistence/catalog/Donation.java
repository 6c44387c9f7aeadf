package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** A gift towards a campaign; the donor's email is personal data. */
@Entity
@Table(name = "donation")
public class Donation extends CatalogItem {

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "campaign")
    private String campaign;

    @Column(name = "donor_email")
    private String donorEmail;

    protected Donation() {
        // for JPA
    }

    public Donation(BigDecimal amount, String currency, String campaign, String donorEmail) {
        this.amount = Objects.requireNonNull(amount, "amount");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.campaign = campaign;
        this.donorEmail = donorEmail;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("amount", amount);
        view.put("currency", currency);
        view.put("campaign", campaign);
        view.put("donorEmail", donorEmail);
    }
}
