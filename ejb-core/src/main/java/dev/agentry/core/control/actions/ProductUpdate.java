package dev.agentry.core.control.actions;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import dev.agentry.persistence.catalog.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code product.update}: a product's title, or taking it off sale and back. */
@ApplicationScoped
public class ProductUpdate extends CatalogAction<ProductUpdate.Input> {

    @Doc("Changes to a product; what is absent stays")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 36) @Doc("The product's uid")
            String id,

            @NotNull(message = "is required") @Min(0) @Doc("The product's version as last read")
            Long expectedVersion,

            @Size(min = 1, max = 500) @PlainText String title,

            @Pattern(regexp = "live|archived", message = "is live or archived") @Doc("live or archived")
            String status) {}

    public ProductUpdate() {
        super(
                "product.update",
                "Change a product's title, or archive it and list it again",
                Input.class,
                Product.class);
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
        Product product = targets.current(Product.class, input.id(), input.expectedVersion());
        Map<String, Object> before = product.snapshot();
        if (input.title() != null) {
            product.retitle(input.title());
        }
        if ("archived".equals(input.status())) {
            product.archive();
        } else if ("live".equals(input.status())) {
            product.relist();
        }
        return ActionEffect.updated(before, store.update(product));
    }
}
