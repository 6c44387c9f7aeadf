package dev.agentry.core.control.actions;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.catalog.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code variant.updateStock}: sets a variant's stock to a counted quantity. */
@ApplicationScoped
public class VariantUpdateStock extends CatalogAction<VariantUpdateStock.Input> {

    @Doc("A variant's new stock level")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 36) @Doc("The variant's uid")
            String id,

            @NotNull(message = "is required") @Min(0) @Doc("The variant's version as last read")
            Long expectedVersion,

            @NotNull(message = "is required") @Min(0) @Max(1_000_000_000) @Doc("The stock on hand")
            Integer stock) {}

    public VariantUpdateStock() {
        super("variant.updateStock", "Set a variant's stock level", Input.class, Variant.class);
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
        Variant variant = targets.current(Variant.class, input.id(), input.expectedVersion());
        Map<String, Object> before = variant.snapshot();
        variant.adjustStock(input.stock() - variant.getStock());
        return ActionEffect.updated(before, store.update(variant));
    }
}
