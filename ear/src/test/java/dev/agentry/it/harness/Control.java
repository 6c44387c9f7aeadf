package dev.agentry.it.harness;

import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** The governed-writes routes (/control) as a caller uses them: simulate, request, decide, execute. */
public final class Control {

    private Control() {}

    /** Executes {@code action} with {@code input} (JSON), under {@code key} (none when null). */
    public static HttpResponse<String> execute(
            String[] caller, String key, String action, String input, String approvalId) {
        String body = "{\"action\":\"" + action + "\",\"input\":" + input
                + (approvalId == null ? "" : ",\"approvalId\":\"" + approvalId + "\"") + "}";
        String[] headers = key == null ? caller : Api.with(caller, "Idempotency-Key", key);
        return postJson("api/v1/control/actions/execute", body, headers);
    }

    public static HttpResponse<String> simulate(String[] caller, String action, String input) {
        return postJson(
                "api/v1/control/policy-simulate", "{\"action\":\"" + action + "\",\"input\":" + input + "}", caller);
    }

    /** Requests an approval, which must be created; returns it. */
    public static JsonObject request(String[] caller, String action, String input) {
        HttpResponse<String> response = requesting(caller, action, input);
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    public static HttpResponse<String> requesting(String[] caller, String action, String input) {
        return postJson(
                "api/v1/control/approvals",
                "{\"action\":\"" + action + "\",\"input\":" + input + ",\"reason\":\"it\"}",
                caller);
    }

    public static HttpResponse<String> decide(String[] caller, String approvalId, String decision) {
        return postJson(
                "api/v1/control/approvals/" + approvalId + "/decide", "{\"decision\":\"" + decision + "\"}", caller);
    }
}
