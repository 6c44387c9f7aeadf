package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** Stock moving between two locations. */
@Entity
@Table(name = "transfer")
public class Transfer extends CatalogItem {

    @Column(name = "from_location", nullable = false)
    private String fromLocation;

    @Column(name = "to_location", nullable = false)
    private String toLocation;

    @Column(name = "sku", nullable = false)
    private String sku;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "status", nullable = false)
    private String status;

    protected Transfer() {
        // for JPA
    }

    public Transfer(String fromLocation, String toLocation, String sku, int quantity) {
        this.fromLocation = Objects.requireNonNull(fromLocation, "fromLocation");
        this.toLocation = Objects.requireNonNull(toLocation, "toLocation");
        this.sku = Objects.requireNonNull(sku, "sku");
        this.quantity = quantity;
    }

    {
        status = "pending";
    }

    public void complete() {
        status = "completed";
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("fromLocation", fromLocation);
        view.put("toLocation", toLocation);
        view.put("sku", sku);
        view.put("quantity", quantity);
        view.put("status", status);
    }
}
