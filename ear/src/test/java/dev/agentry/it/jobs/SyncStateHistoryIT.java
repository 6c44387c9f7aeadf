package dev.agentry.it.jobs;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.Eventually;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sync-state job: each run snapshots every checkpoint's lag into its history; a lag that turns critical
 * is reported once as a breach (however often the job runs), and once as a recovery when it is healthy again.
 * Time is moved with the injected clock.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncStateHistoryIT {

    @Test
    void snapshotsBuildTheHistoryAndABreachIsReportedOnceUntilItRecovers() {
        DemoData.await();
        String consumer = "history-" + UUID.randomUUID();
        JsonObject first = json(get("api/v1/changes?types=entries&limit=1", asBootstrap()));
        store(consumer, first.getString("nextCursor"));
        Instant since = Instant.now().minusSeconds(1);

        try {
            Api.shiftClock(7200); // the oldest change after the checkpoint is now hours old: critical
            snapshot();
            snapshot();
        } finally {
            Api.shiftClock(0);
        }

        List<JsonObject> history = Api.listed(get(
                "api/v1/sync-state/lag/history?consumer=" + consumer + "&resourceType=entries&since=" + since,
                asBootstrap()));
        assertTrue(history.size() >= 2, history.toString());
        assertEquals("critical", history.get(0).getString("status"), history.toString());
        assertTrue(history.get(0).getJsonNumber("changesBehind").longValue() > 0);
        auditedOnce("sync.lag.breached", consumer); // one breach, however often the job ran

        store(consumer, end());
        snapshot();

        JsonObject newest = Api.listed(get("api/v1/sync-state/lag/history?consumer=" + consumer, asBootstrap()))
                .get(0);
        assertEquals("healthy", newest.getString("status"), newest.toString());
        auditedOnce("sync.lag.recovered", consumer);
        assertEquals(1, audited("sync.lag.breached", consumer));
        Api.assertProblem(
                get("api/v1/sync-state/lag/history?resourceType=nope", asBootstrap()), 400, "validation_failed");
    }

    private static void snapshot() {
        Jobs.run("sync-state");
    }

    /** The audit trail lists records within a second or so of their commit: wait, then insist on one. */
    private static void auditedOnce(String action, String consumer) {
        Eventually.await(action, Duration.ofSeconds(15), () -> audited(action, consumer), n -> n >= 1);
        Eventually.settles(
                action + " once", Duration.ofSeconds(10), Duration.ofSeconds(3), () -> audited(action, consumer) == 1);
    }

    private static long audited(String action, String consumer) {
        return Api.listed(get("api/v1/audit?action=" + action + "&limit=200", asBootstrap())).stream()
                .filter(a -> a.getString("target").equals(consumer + "/entries"))
                .count();
    }

    private static void store(String consumer, String cursor) {
        HttpResponse<String> stored = Api.send(
                "PUT",
                "api/v1/sync-state/checkpoint",
                BodyPublishers.ofString("{\"consumer\":\"" + consumer + "\",\"resourceType\":\"entries\",\"cursor\":\""
                        + cursor + "\"}"),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
        assertEquals(200, stored.statusCode(), stored.body());
    }

    private static String end() {
        Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
        String cursor = null;
        while (true) {
            JsonObject page = json(get(
                    "api/v1/changes?types=entries&limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    asBootstrap()));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }
}
