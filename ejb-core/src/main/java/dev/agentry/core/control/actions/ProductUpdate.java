package dev.agentry.core.control.actions;

import dev.agentry.core.catalog.CatalogStore;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.control.GovernedAction;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import dev.agentry.persistence.catalog.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code product.update}: a product's title, or taking it off sale and back. */
@ApplicationScoped
public class ProductUpdate implements GovernedAction<ProductUpdate.Input> {

    @Doc("Changes to a product; what is absent stays")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 36) @Doc("The product's uid")
            String id,

            @NotNull(message = "is required") @Min(0) @Doc("The product's version as last read")
            Long expectedVersion,

            @Size(min = 1, max = 500) @PlainText String title,

            @Pattern(regexp = "live|archived", message = "is live or archived") @Doc("live or archived")
            String status) {}

    @Inject
    CatalogStore store;

    @Inject
    CatalogTargets targets;

    @Override
    public String name() {
        return "product.update";
    }

    @Override
    public String description() {
        return "Change a product's title, or archive it and list it again";
    }

    @Override
    public Class<Input> input() {
        return Input.class;
    }

    @Override
    public CollectionDescriptor collection() {
        return CatalogTargets.collectionOf(Product.class);
    }

    @Override
    public ActionEffect apply(Input input) {
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
