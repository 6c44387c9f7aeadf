package dev.agentry.core.webhooks;

import dev.agentry.core.validation.Codes;
import dev.agentry.core.validation.Creation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription as a caller creates or changes it; on change, a {@code null} leaves that part as it
 * is. Whether the URL may be called and whether the events are within the credential's interests are
 * the boundary's checks: they depend on configuration and on the credential.
 *
 * @param url where deliveries go
 * @param events event types or patterns such as {@code order.*}
 * @param description for people
 * @param status {@code active} or {@code disabled} (changes only)
 */
public record SubscriptionRequest(
        @NotNull(groups = Creation.class, message = "url is required")
        @Pattern(
                regexp = "(?s)(?=.*\\S).{1,2000}",
                message = "url must be 1 to 2000 characters",
                payload = Codes.Invalid.class)
        String url,

        @NotNull(groups = Creation.class, message = "events is required: event types such as order.*")
        @Size(
                min = 1,
                max = SubscriptionRequest.MAX_EVENTS,
                message = "events must have 1 to {max} types",
                payload = Codes.OutOfRange.class)
        List<@NotNull(message = "each event type is a string") @KnownEventType String> events,

        @Size(max = 500, message = "description must be at most {max} characters")
        String description,

        @Null(groups = Creation.class, message = "a new subscription is active", payload = Codes.NotAllowed.class)
        @Pattern(regexp = "active|disabled", message = "status is active or disabled")
        String status) {

    /** How many event types or patterns one subscription names at most. */
    public static final int MAX_EVENTS = 100;
}
