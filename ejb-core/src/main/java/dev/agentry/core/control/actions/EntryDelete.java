package dev.agentry.core.control.actions;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.catalog.Entry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code entry.delete}: soft-deletes an entry; the feed carries its tombstone. */
@ApplicationScoped
public class EntryDelete extends CatalogAction<EntryDelete.Input> {

    @Doc("The entry to delete, at the version last read")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 36) @Doc("The entry's uid")
            String id,

            @NotNull(message = "is required") @Min(0) @Doc("The entry's version as last read")
            Long expectedVersion) {}

    public EntryDelete() {
        super("entry.delete", "Delete an entry", Input.class, Entry.class);
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
        Entry entry = targets.current(Entry.class, input.id(), input.expectedVersion());
        Map<String, Object> before = entry.snapshot();
        store.delete(entry);
        return ActionEffect.deleted(before, entry);
    }
}
