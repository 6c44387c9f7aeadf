package dev.agentry.core.control.actions;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import dev.agentry.persistence.catalog.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code tag.create}: a new tag. */
@ApplicationScoped
public class TagCreate extends CatalogAction<TagCreate.Input> {

    @Doc("A new tag")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 200) @PlainText
            String name,

            @NotBlank(message = "is required")
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "is lower-case words joined by hyphens")
            @Size(max = 200)
            String slug) {}

    public TagCreate() {
        super("tag.create", "Create a tag", Input.class, Tag.class);
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
        return ActionEffect.created(store.create(new Tag(input.name(), input.slug())));
    }
}
