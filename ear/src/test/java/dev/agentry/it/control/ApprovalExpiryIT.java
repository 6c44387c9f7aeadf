package dev.agentry.it.control;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.it.harness.AgentryEar;
import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Control;
import dev.agentry.it.harness.Eventually;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An approval that expired while the application was down is recorded as expired and announced
 * ({@code approval.expired}) as it starts — not one sweep interval later. The interval is set to an hour
 * for the test, so only the sweep at start can do it; the suite's interval is restored afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApprovalExpiryIT {

    @ArquillianResource
    AgentryEar ear;

    @Test
    void anApprovalOverdueWhileTheApplicationWasDownExpiresAtStart() {
        String suiteInterval = interval("PT1H");
        try {
            ear.redeploy(); // from now on the periodic sweep is an hour away
            String[] requester = bearer(Api.tokenFor(createCredential("{\"name\":\"expiry-" + UUID.randomUUID()
                    + "\",\"owner\":\"it\",\"scopes\":[\"control:approvals:request\",\"tags:read\"]}")));
            String approvalId = Control.request(
                            requester,
                            "tag.create",
                            "{\"name\":\"Expiring\",\"slug\":\"exp-" + UUID.randomUUID() + "\"}")
                    .getString("id");
            assertEquals(
                    204,
                    Api.send("PUT", "api/v1/_probe/control/overdue/" + approvalId, BodyPublishers.noBody())
                            .statusCode());
            // Read as expired at once (computed from the stored expiry), but nothing has recorded it yet.
            assertEquals(
                    "expired",
                    json(get("api/v1/control/approvals/" + approvalId, requester))
                            .getString("status"));
            assertEquals("pending", stored(approvalId).getString("status"));
            assertEquals(0, stored(approvalId).getInt("expiredEvents"));

            ear.redeploy();

            JsonObject settled = Eventually.await(
                    "the approval recorded as expired at start",
                    Duration.ofSeconds(60),
                    () -> stored(approvalId),
                    s -> "expired".equals(s.getString("status")));
            assertEquals(1, settled.getInt("expiredEvents"), "approval.expired announced once");
            assertProblem(Control.decide(Api.asBootstrap(), approvalId, "approve"), 409, "conflict");
        } finally {
            interval(suiteInterval);
            ear.redeploy();
        }
    }

    /** Sets the sweep's interval for the next deployment; returns the one it replaced. */
    private static String interval(String value) {
        HttpResponse<String> response =
                Api.send("PUT", "api/v1/_probe/control/expiry-interval/" + value, BodyPublishers.noBody());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().isEmpty() ? "PT30S" : response.body();
    }

    private static JsonObject stored(String approvalId) {
        return json(get("api/v1/_probe/control/stored/" + approvalId));
    }
}
