package dev.agentry.core.control.actions;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import dev.agentry.persistence.catalog.Entry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code entry.update}: a new title, slug or fields for an entry, at the version the caller saw. */
@ApplicationScoped
public class EntryUpdate extends CatalogAction<EntryUpdate.Input> {

    @Doc("Changes to an entry; what is absent stays")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 36) @Doc("The entry's uid")
            String id,

            @NotNull(message = "is required") @Min(0) @Doc("The entry's version as last read")
            Long expectedVersion,

            @Size(min = 1, max = 500) @PlainText String title,

            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "is lower-case words joined by hyphens")
            @Size(max = 200)
            String slug,

            @Doc("The entry's custom fields, replacing the current ones")
            JsonObject fields) {}

    public EntryUpdate() {
        super("entry.update", "Change an entry's title, slug or fields", Input.class, Entry.class);
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
        Entry entry = targets.current(Entry.class, input.id(), input.expectedVersion());
        Map<String, Object> before = entry.snapshot();
        entry.revise(
                input.title(),
                input.slug(),
                input.fields() == null ? null : input.fields().toString());
        return ActionEffect.updated(before, store.update(entry));
    }
}
