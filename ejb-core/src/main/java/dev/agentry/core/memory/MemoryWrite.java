package dev.agentry.core.memory;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A memory write ({@code PUT /agents/{slug}/memory/{key}}).
 *
 * @param ifMatch the hash the entry must still have; absent: the entry must not exist yet
 */
public record MemoryWrite(
        @NotNull(message = "value is required") JsonValue value,

        @Pattern(regexp = "sha256:[0-9a-f]{64}", message = "ifMatch is a hash as an entry shows it")
        String ifMatch) {}
