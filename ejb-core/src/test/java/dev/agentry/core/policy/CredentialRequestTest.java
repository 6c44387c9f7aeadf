package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.Violations;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on a credential request, as Bean Validation applies them at the boundary. */
class CredentialRequestTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static CredentialRequest request(
            String name, String owner, List<String> scopes, Integer ttl, List<String> ips) {
        return new CredentialRequest(name, owner, null, scopes, List.of("entry.updated", "order.*"), ttl, true, 7, ips);
    }

    private static List<FieldError> creating(CredentialRequest request) {
        return Violations.errors(VALIDATOR.validate(request, Creation.class));
    }

    @Test
    void aCompleteRequestPasses() {
        assertEquals(
                List.of(),
                creating(
                        request("sync", "team-a", List.of("changes:read", "entries:read"), 90, List.of("10.0.0.0/8"))));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<FieldError> errors =
                creating(request(" ", null, List.of("changes:read", "root:everything"), 0, List.of("10.0.0.0/33")));

        assertEquals(
                List.of("ipAllowlist[0]", "name", "owner", "scopes[1]", "ttlDays"),
                errors.stream().map(FieldError::field).toList());
        assertEquals(
                List.of("invalid_cidr", "required", "required", "unknown_scope", "out_of_range"),
                errors.stream().map(FieldError::code).toList());
        assertEquals(
                "'10.0.0.0/33' is not an IPv4 or IPv6 address or CIDR",
                errors.get(0).message());
    }

    @Test
    void governedWriteScopesAreKnownScopes() {
        // Whether one may be granted now is the governed-writes switch's question (GovernedWritesTest).
        assertEquals(List.of(), creating(request("x", "y", List.of("control:actions:execute"), null, List.of())));
    }

    @Test
    void aChangeChecksOnlyWhatIsGiven() {
        assertEquals(
                List.of(),
                Violations.errors(VALIDATOR.validate(
                        new CredentialRequest(null, null, null, null, null, null, false, null, null))));
    }

    @Test
    void textIsBoundedAndPlain() {
        List<FieldError> errors = creating(
                new CredentialRequest("x".repeat(101), "o\u0007", "${1+1}\u0000", null, null, null, false, null, null));

        assertEquals(
                List.of("description:invalid_characters", "name:too_long", "owner:invalid_characters"),
                errors.stream().map(e -> e.field() + ":" + e.code()).toList());
        assertEquals("name must be at most 100 characters", errors.get(1).message());
    }

    @Test
    void eventInterestsMustLookLikeEventTypes() {
        CredentialRequest bad = new CredentialRequest(
                "x",
                "y",
                null,
                null,
                List.of("entry.updated", "Entry Updated", "order.*", "*", "nodot"),
                null,
                true,
                null,
                null);

        assertEquals(
                List.of("eventInterests[1]", "eventInterests[4]"),
                creating(bad).stream().map(FieldError::field).toList());
    }

    @Test
    void duplicateScopesCollapseKeepingOrder() {
        assertEquals(
                List.of("changes:read", "entries:read"),
                request("n", "o", List.of("changes:read", "entries:read", "changes:read"), null, null)
                        .distinctScopes());
    }
}
