package dev.agentry.api.credentials;

import dev.agentry.core.policy.CredentialRequest;
import dev.agentry.core.problem.JsonBody;
import jakarta.json.JsonValue;
import java.util.Set;

/** A credential's JSON fields, each of the right type, none unknown. */
final class CredentialJson {

    private static final Set<String> FIELDS = Set.of(
            "name", "owner", "description", "scopes", "eventInterests", "ttlDays", "reminderDays", "ipAllowlist");

    private CredentialJson() {}

    static CredentialRequest read(JsonValue body) {
        JsonBody json = JsonBody.of(body, FIELDS, "a credential field");
        CredentialRequest request = new CredentialRequest(
                json.string("name"),
                json.string("owner"),
                json.string("description"),
                json.strings("scopes"),
                json.strings("eventInterests"),
                json.integer("ttlDays"),
                json.has("ttlDays"),
                json.integer("reminderDays"),
                json.strings("ipAllowlist"));
        json.done();
        return request;
    }
}
