package dev.agentry.persistence.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An order placed in the shop; its total is always the sum of its lines. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends CatalogItem {

    @Column(name = "number", nullable = false, unique = true, length = 40)
    private String number;

    @Column(name = "status", nullable = false)
    private String status = "placed";

    @Column(name = "total", nullable = false, precision = 19, scale = 4)
    private BigDecimal total = BigDecimal.ZERO;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "customer_email")
    private String customerEmail;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    protected CustomerOrder() {
        // for JPA
    }

    public CustomerOrder(String number, String currency, String customerEmail, List<OrderLine> lines) {
        this.number = Objects.requireNonNull(number, "number");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.customerEmail = customerEmail;
        lines.forEach(this::add);
    }

    public void add(OrderLine line) {
        lines.add(line);
        total = total.add(line.amount());
    }

    public void markPaid() {
        status = "paid";
    }

    public void fulfil() {
        status = "fulfilled";
    }

    public void cancel() {
        status = "cancelled";
    }

    public String getStatus() {
        return status;
    }

    public String getNumber() {
        return number;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("number", number);
        view.put("status", status);
        view.put("total", total);
        view.put("currency", currency);
        view.put("customerEmail", customerEmail);
        view.put("lineItems", lines.stream().map(OrderLine::view).toList());
    }
}
