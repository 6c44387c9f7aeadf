package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A recurring purchase. */
@Entity
@Table(name = "subscription")
public class Subscription extends CatalogItem {

    @Column(name = "plan", nullable = false)
    private String plan;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "customer_email")
    private String customerEmail;

    @Column(name = "next_billing_at")
    private Instant nextBillingAt;

    protected Subscription() {
        // for JPA
    }

    public Subscription(String plan, String customerEmail, Instant nextBillingAt) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.customerEmail = customerEmail;
        this.nextBillingAt = nextBillingAt;
    }

    {
        status = "active";
    }

    public void cancel() {
        status = "cancelled";
        nextBillingAt = null;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("plan", plan);
        view.put("status", status);
        view.put("customerEmail", customerEmail);
        view.put("nextBillingAt", text(nextBillingAt));
    }
}
