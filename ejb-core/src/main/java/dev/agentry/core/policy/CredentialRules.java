package dev.agentry.core.policy;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The rules every credential field obeys, checked all at once so the caller hears of every problem. */
final class CredentialRules {

    static final int DEFAULT_REMINDER_DAYS = 7;
    static final int MAX_TTL_DAYS = 3650;
    static final int MAX_EVENT_INTERESTS = 100;

    /** {@code entry.updated}, {@code order.*} or {@code *}. */
    private static final Pattern EVENT_TYPE = Pattern.compile("\\*|[a-z][a-z0-9-]*(\\.([a-z][a-z0-9_-]*|\\*))+");

    private final List<FieldError> errors = new ArrayList<>();

    /** Validates a create request: name and owner are required there. */
    static void checkNew(CredentialRequest request) {
        CredentialRules rules = new CredentialRules();
        rules.required("name", request.name());
        rules.required("owner", request.owner());
        rules.checkGiven(request);
        rules.done();
    }

    /** Validates a change: only what is given is checked. */
    static void checkChange(CredentialRequest request) {
        CredentialRules rules = new CredentialRules();
        rules.checkGiven(request);
        rules.done();
    }

    static List<String> scopes(List<String> requested) {
        return requested == null ? List.of() : List.copyOf(new LinkedHashSet<>(requested));
    }

    private void checkGiven(CredentialRequest r) {
        text("name", r.name(), 100);
        text("owner", r.owner(), 100);
        text("description", r.description(), 500);
        if (r.scopes() != null) {
            for (int i = 0; i < r.scopes().size(); i++) {
                String scope = r.scopes().get(i);
                boolean known = ScopeCatalog.named(scope)
                        .filter(s -> !s.governedWrites())
                        .isPresent();
                if (!known) {
                    errors.add(new FieldError(
                            "scopes[" + i + "]",
                            "unknown_scope",
                            FieldError.quoted(scope) + " is not a scope; see /capabilities"));
                }
            }
        }
        if (r.eventInterests() != null) {
            if (r.eventInterests().size() > MAX_EVENT_INTERESTS) {
                errors.add(new FieldError(
                        "eventInterests", "too_many", "at most " + MAX_EVENT_INTERESTS + " event types"));
            }
            for (int i = 0; i < r.eventInterests().size(); i++) {
                String type = r.eventInterests().get(i);
                if (type == null
                        || type.length() > 100
                        || !EVENT_TYPE.matcher(type).matches()) {
                    errors.add(new FieldError(
                            "eventInterests[" + i + "]",
                            "invalid_event_type",
                            FieldError.quoted(type) + " is not an event type such as entry.updated or order.*"));
                }
            }
        }
        if (r.ttlDays() != null && (r.ttlDays() < 1 || r.ttlDays() > MAX_TTL_DAYS)) {
            errors.add(new FieldError(
                    "ttlDays", "out_of_range", "ttlDays must be 1 to " + MAX_TTL_DAYS + ", or null for never"));
        }
        if (r.reminderDays() != null && (r.reminderDays() < 1 || r.reminderDays() > 365)) {
            errors.add(new FieldError("reminderDays", "out_of_range", "reminderDays must be 1 to 365"));
        }
        if (r.ipAllowlist() != null) {
            try {
                IpAllowlist.parse("ipAllowlist", r.ipAllowlist());
            } catch (AgentryException e) {
                errors.addAll(e.errors());
            }
        }
    }

    private void required(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", field + " is required"));
        }
    }

    private void text(String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "too_long", field + " must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "invalid_characters", field + " must not contain control characters"));
        }
    }

    private void done() {
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
    }
}
