package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A credential's state shared by the nodes of a cluster (issue 19), on the one test server: the other node is
 * the cluster probe, which commits rows as that node would (a credential's status with its signal, requests
 * added to a rate window) without this node's code knowing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CredentialsAcrossNodesIT {

    /** The bound issue 19 sets, from the other node's commit. */
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static final Duration QUICKLY = Duration.ofMillis(50);

    @Test
    void aCredentialPausedResumedAndRevokedOnAnotherNodeIsTreatedSoHereWithinASecond() {
        JsonObject credential = createCredential("{\"name\":\"shared\",\"owner\":\"it\"}");
        String id = credential.getString("id");
        String[] token = bearer(tokenFor(credential));
        assertEquals(200, whoami(token).statusCode(), "admitted, and its policy now cached here");

        anotherNodeSets(id, "PAUSED", true);
        assertProblem(refusedWithin(token, 403), 403, "credential_paused");

        anotherNodeSets(id, "ACTIVE", true);
        Eventually.await(
                "admitted again after the other node's resume",
                WITHIN,
                QUICKLY,
                () -> whoami(token),
                r -> r.statusCode() == 200);

        anotherNodeSets(id, "REVOKED", true);
        assertProblem(refusedWithin(token, 403), 403, "credential_revoked");
    }

    @Test
    void withoutItsSignalAnotherNodesPauseWouldWaitForTheCachesBackstop() {
        JsonObject credential = createCredential("{\"name\":\"unsignalled\",\"owner\":\"it\"}");
        String id = credential.getString("id");
        String[] token = bearer(tokenFor(credential));
        assertEquals(200, whoami(token).statusCode());

        anotherNodeSets(id, "PAUSED", false);

        // Longer than the signal needs: only the signal made the refusals above that quick. Paced, so that
        // the credential's own rate limit (600 a minute) is never what answers.
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < until) {
            assertEquals(200, whoami(token).statusCode(), "the cached policy still admits it");
            pause(QUICKLY);
        }
        // The backstop still bounds it: the cached policy is at most 5 s old.
        Eventually.await(
                "refused once the cached policy expired",
                Duration.ofSeconds(6),
                () -> whoami(token),
                r -> r.statusCode() == 403);
    }

    @Test
    void anotherNodesRequestsCountAgainstTheCredentialsLimitHere() {
        JsonObject credential = createCredential("{\"name\":\"busy elsewhere\",\"owner\":\"it\"}");
        String id = credential.getString("id");
        String[] token = bearer(tokenFor(credential));
        int limit = startOfAWindow(token);

        // The other node admitted half the limit: once synced, what is left here says so.
        anotherNodeUsed(id, limit / 2);
        Eventually.await(
                "the other node's requests counted in what is left",
                Duration.ofSeconds(2),
                QUICKLY,
                () -> json(whoami(token)).getJsonObject("rateLimit").getInt("remaining"),
                remaining -> remaining < limit / 2);

        // Then all but a few more: this node is refused long before it used the limit itself.
        anotherNodeUsed(id, limit / 2 - 5);
        AtomicInteger asked = new AtomicInteger();
        HttpResponse<String> refused = Eventually.await(
                "refused once the cluster's total passed the limit",
                Duration.ofSeconds(2),
                QUICKLY,
                () -> {
                    asked.incrementAndGet();
                    return whoami(token);
                },
                r -> r.statusCode() == 429);
        assertProblem(refused, 429, "rate_limited");
        assertEquals("0", refused.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals(
                Integer.toString(limit),
                refused.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertTrue(asked.get() < limit / 4, "refused after " + asked + " requests here");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> whoami(String[] token) {
        return get("api/v1/auth/whoami", token);
    }

    /** Waits until the answer is {@code status}, for at most a second from the other node's commit. */
    private static HttpResponse<String> refusedWithin(String[] token, int status) {
        return Eventually.await(
                "refused after the other node's change",
                WITHIN,
                QUICKLY,
                () -> whoami(token),
                r -> r.statusCode() == status);
    }

    private static void anotherNodeSets(String id, String status, boolean signal) {
        HttpResponse<String> response = Api.send(
                "POST",
                "api/v1/_probe/shared-state/credentials/" + id + "/status/" + status + "?signal=" + signal,
                BodyPublishers.noBody());
        assertEquals(204, response.statusCode(), response.body());
    }

    private static void anotherNodeUsed(String id, int requests) {
        HttpResponse<String> response = Api.send(
                "POST",
                "api/v1/_probe/shared-state/rate-windows/" + id + "?requests=" + requests,
                BodyPublishers.noBody());
        assertEquals(200, response.statusCode(), response.body());
    }

    /**
     * The credential's limit, once its current window has at least 20 s left: the test must not see it reset.
     */
    private static int startOfAWindow(String[] token) {
        JsonObject rateLimit = json(whoami(token)).getJsonObject("rateLimit");
        long left = rateLimit.getJsonNumber("resetSeconds").longValue();
        if (left < 20) {
            pause(Duration.ofSeconds(left + 1));
            rateLimit = json(whoami(token)).getJsonObject("rateLimit");
        }
        return rateLimit.getInt("limit");
    }
}
