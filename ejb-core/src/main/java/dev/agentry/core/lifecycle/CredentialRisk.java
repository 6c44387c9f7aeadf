package dev.agentry.core.lifecycle;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.Instant;

/**
 * One risk a credential carries, with what removes it. Names and times only: never its secret, owner
 * or addresses.
 *
 * @param risk {@code expired}, {@code no_expiry}, {@code paused}, {@code revoked}, {@code revoked_in_use},
 *     {@code never_used}, {@code stale}, {@code rotation_due}, {@code rotation_overdue} or {@code allowlist_empty}
 * @param since when the risk began, where that is known
 */
public record CredentialRisk(
        @NotNull String credentialId,

        @NotNull @Doc("the credential's name, its label in the console")
        String name,

        @NotNull @Doc("active, paused, revoked or expired") String status,
        @NotNull String risk,
        @NotNull @Doc("info, warn or critical") String severity,
        @NotNull @Doc("what removes the risk") String action,
        Instant since)
        implements Serializable {}
