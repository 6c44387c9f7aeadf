package dev.agentry.core.memory;

import dev.agentry.core.schema.Doc;
import dev.agentry.core.schema.WrittenAs;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.Instant;

/**
 * One memory entry as {@code agentry/memory-entry/v1}.
 *
 * @param hash {@code sha256:<hex>} of the value's JSON text: what a conditional write names as {@code ifMatch}
 */
@Doc(MemoryEntryView.SCHEMA + ": one memory entry and its content hash")
public record MemoryEntryView(
        @NotNull String schema,
        @NotNull @Doc("agent, credential or session") String layer,
        @NotNull String key,
        @NotNull JsonValue value,
        @NotNull String hash,
        long bytes,
        @NotNull @WrittenAs(Instant.class) String updatedAt)
        implements Serializable {

    public static final String SCHEMA = "agentry/memory-entry/v1";
}
