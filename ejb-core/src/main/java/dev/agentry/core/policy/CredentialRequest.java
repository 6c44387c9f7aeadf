package dev.agentry.core.policy;

import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.PlainText;
import dev.agentry.core.validation.Presence;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a caller asks a credential to be, and the rules every field obeys. On create, a missing field
 * takes its default; on change, a missing field is left as it is. {@code ttlDays} is the exception that
 * needs {@code ttlDaysGiven}: an explicit {@code null} means "never expires", which is different from
 * "not mentioned".
 */
public record CredentialRequest(
        @NotBlank(groups = Creation.class, message = "name is required")
        @Size(max = 100, message = "name must be at most {max} characters")
        @PlainText(message = "name must not contain control characters")
        String name,

        @NotBlank(groups = Creation.class, message = "owner is required")
        @Size(max = 100, message = "owner must be at most {max} characters")
        @PlainText(message = "owner must not contain control characters")
        String owner,

        @Size(max = 500, message = "description must be at most {max} characters")
        @PlainText(message = "description must not contain control characters")
        String description,

        List<@NotNull(message = "each scope is a string") @KnownScope String> scopes,

        @Size(max = 100, message = "at most {max} event types")
        List<@NotNull(message = "each event type is a string") @EventInterest String> eventInterests,

        @Min(value = 1, message = "ttlDays must be 1 to 3650, or null for never")
        @Max(value = 3650, message = "ttlDays must be 1 to 3650, or null for never")
        Integer ttlDays,

        @Presence("ttlDays") @Schema(hidden = true) boolean ttlDaysGiven,

        @Min(value = 1, message = "reminderDays must be 1 to 365")
        @Max(value = 365, message = "reminderDays must be 1 to 365")
        Integer reminderDays,

        @Size(max = IpAllowlist.MAX_ENTRIES, message = "at most {max} entries")
        List<@NotNull(message = "each entry is a string") @NetworkAddress String> ipAllowlist) {

    /** How many days before expiry the owner is reminded, unless the request says. */
    public static final int DEFAULT_REMINDER_DAYS = 7;

    /** The scopes asked for, each once, in the order given; none when not given. */
    public List<String> distinctScopes() {
        return scopes == null ? List.of() : List.copyOf(new LinkedHashSet<>(scopes));
    }
}
