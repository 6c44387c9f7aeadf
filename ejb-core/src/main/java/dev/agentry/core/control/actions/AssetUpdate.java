package dev.agentry.core.control.actions;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import dev.agentry.persistence.catalog.Asset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code asset.update}: an asset's alternative text (the file itself lives elsewhere). */
@ApplicationScoped
public class AssetUpdate extends CatalogAction<AssetUpdate.Input> {

    @Doc("An asset's new alternative text")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 36) @Doc("The asset's uid")
            String id,

            @NotNull(message = "is required") @Min(0) @Doc("The asset's version as last read")
            Long expectedVersion,

            @NotNull(message = "is required") @Size(max = 1000) @PlainText
            String altText) {}

    public AssetUpdate() {
        super("asset.update", "Change an asset's alternative text", Input.class, Asset.class);
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
        Asset asset = targets.current(Asset.class, input.id(), input.expectedVersion());
        Map<String, Object> before = asset.snapshot();
        asset.describeAs(input.altText());
        return ActionEffect.updated(before, store.update(asset));
    }
}
