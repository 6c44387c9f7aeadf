package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** A purchasable version of a product, with its own SKU, price and stock. */
@Entity
@Table(name = "variant")
public class Variant extends CatalogItem {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(name = "sku", nullable = false)
    private String sku;

    @Column(name = "price", nullable = false, precision = 19, scale = 4)
    private BigDecimal price;

    @Column(name = "stock", nullable = false)
    private int stock;

    protected Variant() {
        // for JPA
    }

    public Variant(Product product, String sku, BigDecimal price, int stock) {
        this.product = Objects.requireNonNull(product, "product");
        this.sku = Objects.requireNonNull(sku, "sku");
        this.price = Objects.requireNonNull(price, "price");
        this.stock = stock;
    }

    /** Moves stock by {@code delta}; stock never goes below zero. */
    public void adjustStock(int delta) {
        if (stock + delta < 0) {
            throw new IllegalArgumentException("stock of " + sku + " cannot fall below zero");
        }
        stock += delta;
    }

    public void reprice(BigDecimal newPrice) {
        this.price = Objects.requireNonNull(newPrice, "price");
    }

    public String getSku() {
        return sku;
    }

    public int getStock() {
        return stock;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("product", product.getUid());
        view.put("sku", sku);
        view.put("price", price);
        view.put("stock", stock);
    }
}
