package dev.agentry.core.starterpacks;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * What a common integration needs. {@code POST /credentials} with {@code starterPack} takes its scopes,
 * event interests, expiry and reminder window wherever the request does not say; the allowlist and rate
 * are advice, since only the owner knows where the client runs.
 */
public record StarterPack(
        @NotNull String id,
        @NotNull String title,
        @NotNull String description,
        @NotNull List<String> scopes,
        @NotNull List<String> eventInterests,

        @NotNull @Doc("task templates its client typically runs (/templates)")
        List<String> templates,

        @Doc("recommended expiry in days") int ttlDays,
        @Doc("recommended reminder window in days") int reminderDays,
        @NotNull @Doc("where the allowlist should point") String allowlistHint,

        @Doc("requests per minute such a client needs at most")
        int rateLimitPerMinute) {}
