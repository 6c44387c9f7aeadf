package dev.agentry.it.harness;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * What the integration-state routes say about one credential, as a given reader sees it: the incidents about
 * it ({@code /incidents}) and its risks ({@code /lifecycle}). For the matrices that check who may see them.
 */
public final class CredentialState {

    private CredentialState() {}

    /** The incidents about {@code credentialId} in the reader's listing. */
    public static List<JsonObject> incidentsAbout(String credentialId, String[] reader) {
        return Api.listed(get("api/v1/incidents?limit=200", reader)).stream()
                .filter(i -> i.getString("subject").equals(credentialId))
                .toList();
    }

    /** The risks of {@code credentialId} in the reader's {@code /lifecycle}. */
    public static List<JsonObject> risksOf(String credentialId, String[] reader) {
        HttpResponse<String> answer = get("api/v1/lifecycle", reader);
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer).getJsonArray("risks").stream()
                .map(r -> r.asJsonObject())
                .filter(r -> r.getString("credentialId").equals(credentialId))
                .toList();
    }

    /** Makes {@code caller} refused {@code times} for a scope it lacks: a scope_denials signal about it. */
    public static void deniedScope(String[] caller, int times) {
        for (int i = 0; i < times; i++) {
            assertProblem(get("api/v1/credentials", caller), 403, "scope_denied");
        }
    }
}
