package dev.agentry.core.control.actions;

import dev.agentry.core.catalog.CatalogStore;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.control.GovernedAction;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import dev.agentry.persistence.catalog.Asset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code asset.update}: an asset's alternative text (the file itself lives elsewhere). */
@ApplicationScoped
public class AssetUpdate implements GovernedAction<AssetUpdate.Input> {

    @Doc("An asset's new alternative text")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 36) @Doc("The asset's uid")
            String id,

            @NotNull(message = "is required") @Min(0) @Doc("The asset's version as last read")
            Long expectedVersion,

            @NotNull(message = "is required") @Size(max = 1000) @PlainText
            String altText) {}

    @Inject
    CatalogStore store;

    @Inject
    CatalogTargets targets;

    @Override
    public String name() {
        return "asset.update";
    }

    @Override
    public String description() {
        return "Change an asset's alternative text";
    }

    @Override
    public Class<Input> input() {
        return Input.class;
    }

    @Override
    public CollectionDescriptor collection() {
        return CatalogTargets.collectionOf(Asset.class);
    }

    @Override
    public ActionEffect apply(Input input) {
        Asset asset = targets.current(Asset.class, input.id(), input.expectedVersion());
        Map<String, Object> before = asset.snapshot();
        asset.describeAs(input.altText());
        return ActionEffect.updated(before, store.update(asset));
    }
}
