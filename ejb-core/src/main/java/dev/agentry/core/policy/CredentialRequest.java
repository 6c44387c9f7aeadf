package dev.agentry.core.policy;

import java.util.List;

/**
 * What a caller asks a credential to be. On create, a missing field takes its default; on change, a
 * missing field is left as it is. {@code ttlDays} is the exception that needs {@code ttlDaysGiven}:
 * an explicit {@code null} means "never expires", which is different from "not mentioned".
 */
public record CredentialRequest(
        String name,
        String owner,
        String description,
        List<String> scopes,
        List<String> eventInterests,
        Integer ttlDays,
        boolean ttlDaysGiven,
        Integer reminderDays,
        List<String> ipAllowlist) {}
