package dev.agentry.it.jobs;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.Eventually;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention against a seeded backlog across the horizons: exactly the expired rows and run directories go,
 * what is within its horizon or still referenced stays, the feed answers {@code cursor_expired} behind its
 * new horizon, the audit chain still verifies, and a pass whose chunk failed restarts from its checkpoint
 * and counts every record once. Leftovers on disk (a finished run's workspace, a directory no run owns, an
 * old import file) go too, a bounded number a pass; with an audit horizon, the oldest audit records go and the
 * chain verifies from its signed anchor.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionIT {

    private static final int OLD_DIAGNOSTICS = 1200;
    private static final int AGED_CHANGES = 5;

    @Test
    void aPassRemovesExactlyWhatExpiredRestartsFromItsCheckpointAndIsAudited() {
        DemoData.await();
        Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
        String firstCursor = firstChange().getString("cursor");
        assertEquals(String.valueOf(AGED_CHANGES), probe("age-changes?count=" + AGED_CHANGES));
        String expiredRun = probe("finished-run?days=40&retentionDays=30");
        String keptRun = probe("finished-run?days=40&retentionDays=90");
        String[] webhooks = probe("webhook-backlog").split(" ");
        probe("old-diagnostics?count=" + OLD_DIAGNOSTICS);
        // The second chunk of the diagnostics step (500 records a chunk) fails once.
        Api.send("POST", "api/v1/_probe/retention/fail?kind=diagnostics&chunk=2", BodyPublishers.noBody());

        long failed = Jobs.start("retention", "{}");
        JsonObject failure = Jobs.awaitStatus(failed, Jobs.FINISHED);

        assertEquals("FAILED", failure.getJsonObject("execution").getString("status"), failure.toString());
        assertTrue(failure.getString("failure").contains("this chunk fails"), failure.toString());
        JsonObject failedStep = step(failure, "diagnostics");
        assertEquals(500, failedStep.getInt("written"), failedStep.toString());
        assertEquals(String.valueOf(OLD_DIAGNOSTICS - 500), probe("old-diagnostics-left"), "the first chunk is gone");

        long restarted = Api.json(Api.send(
                        "POST",
                        "api/v1/jobs/executions/" + failed + "/restart",
                        BodyPublishers.noBody(),
                        asBootstrap()))
                .getJsonNumber("executionId")
                .longValue();
        JsonObject done = Jobs.awaitStatus(restarted, Jobs.FINISHED);

        assertEquals("COMPLETED", done.getJsonObject("execution").getString("status"), done.toString());
        assertEquals("0", probe("old-diagnostics-left"));
        assertTrue(step(done, "diagnostics").getInt("written") > 0, "the restart resumed the diagnostics step");

        // Runs: the one past its own retention goes with its directory; the one within it stays.
        assertEquals("false false", probe("run-exists?id=" + expiredRun));
        assertEquals("true true", probe("run-exists?id=" + keptRun));
        // Webhooks: the old delivery and its attempts, the old dead letter, the events nothing refers to.
        assertEquals("0", exists("webhook_delivery", webhooks[5]), "old succeeded delivery");
        assertEquals("1", exists("webhook_delivery", webhooks[6]), "recent delivery");
        assertEquals("0", exists("webhook_delivery", webhooks[7]), "old dead letter's delivery");
        assertEquals("1", exists("webhook_delivery", webhooks[8]), "delivery of a recently replayed dead letter");
        assertEquals("0", exists("webhook_event", webhooks[1]));
        assertEquals("0", exists("webhook_event", webhooks[2]));
        assertEquals("1", exists("webhook_event", webhooks[3]));
        assertEquals("1", exists("webhook_event", webhooks[4]));

        // The feed: a cursor behind the new horizon has expired; reading from the start begins after it.
        assertProblem(get("api/v1/changes?cursor=" + firstCursor, asBootstrap()), 410, "cursor_expired");
        assertTrue(!firstChange().getString("cursor").equals(firstCursor));

        // Audited once, with every count exactly once although a chunk failed and was redone. The trail
        // lists a record once it is chained, a moment after it is written: wait for it to be listed.
        List<String> ofThisPass = Eventually.await(
                "the retention pass's audit record",
                Duration.ofSeconds(10),
                () -> Api.listed(get("api/v1/audit?action=retention.purge&limit=200", asBootstrap())).stream()
                        .map(a -> a.getString("target"))
                        .filter(t -> t.contains("diagnostics=" + OLD_DIAGNOSTICS))
                        .toList(),
                listed -> !listed.isEmpty());
        assertEquals(1, ofThisPass.size(), ofThisPass.toString());
        String counts = ofThisPass.get(0);
        for (String count : List.of(
                "runs=1",
                "run-directories=1",
                "deliveries=1",
                "delivery-attempts=2",
                "dead-letters=1",
                "webhook-events=2",
                "changes=" + AGED_CHANGES,
                "diagnostics=" + OLD_DIAGNOSTICS)) {
            assertTrue((" " + counts + " ").contains(" " + count + " "), count + " in " + counts);
        }
        JsonObject verdict = json(Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap()));
        assertTrue(verdict.getBoolean("valid"), verdict.toString());
    }

    @Test
    void aPassWithNothingExpiredRemovesNothing() {
        long execution = Jobs.start("retention", "{}");
        JsonObject done = Jobs.awaitStatus(execution, Jobs.FINISHED);

        assertEquals("COMPLETED", done.getJsonObject("execution").getString("status"), done.toString());
        done.getJsonArray("steps").stream()
                .map(JsonValue::asJsonObject)
                .forEach(step -> assertEquals(0, step.getInt("written"), step.toString()));
    }

    @Test
    void leftoverWorkspacesOrphanedRunDirectoriesAndOldImportFilesGoAFewAPass() {
        // The test server removes at most two of a kind on disk a pass (agentry.retention.files-per-pass).
        List<String> expired = List.of(
                "runs/" + probe("orphan-directory?days=3"),
                "runs/" + probe("orphan-directory?days=3"),
                "runs/" + probe("finished-run?days=40&retentionDays=90&leftovers=true") + "/workspace");
        String keptRun = expired.get(2).split("/")[1];
        String freshOrphan = "runs/" + probe("orphan-directory?days=0");
        String oldImport = "imports/" + probe("import-file?days=40");
        String freshImport = "imports/" + probe("import-file?days=0");
        expired.forEach(path -> assertEquals("true", onDisk(path), path));

        JsonObject first = pass();
        assertEquals(2, step(first, "workspaces").getInt("written"), first.toString());
        assertTrue(expired.stream().anyMatch(path -> onDisk(path).equals("true")), "two a pass, not three");
        for (int passes = 1; expired.stream().anyMatch(path -> onDisk(path).equals("true")); passes++) {
            assertTrue(passes < 5, "the leftovers were not removed: " + expired);
            assertTrue(step(pass(), "workspaces").getInt("written") <= 2);
        }

        assertEquals("false", onDisk(oldImport));
        assertEquals("true", onDisk(freshImport), "an import file within its horizon stays");
        assertEquals("true", onDisk(freshOrphan), "a directory that changed recently stays");
        assertEquals("true true", probe("run-exists?id=" + keptRun), "the run and its bundle stay");
        assertEquals("true", onDisk("runs/" + keptRun + "/artifacts/manifest.json"));
        Eventually.await(
                "the first pass's audit record with its counts on disk",
                Duration.ofSeconds(10),
                () -> Api.listed(get("api/v1/audit?action=retention.purge&limit=200", asBootstrap())).stream()
                        .map(a -> " " + a.getString("target") + " ")
                        .filter(t -> t.contains(" workspaces=2 ") && t.contains(" orphaned-run-directories="))
                        .toList(),
                listed -> !listed.isEmpty());
    }

    @Test
    void anAuditHorizonRemovesTheOldestRecordsAndTheChainVerifiesFromItsSignedAnchor() {
        assertTrue(verifyChain().getBoolean("valid"));
        long firstBefore = AuditRecords.firstSequence();
        long removed;
        try {
            // Everything chained more than a second before the pass is past this horizon, the head apart.
            probe("config?key=agentry.retention.audit-trail&value=PT1S");
            removed = step(pass(), "audit-trail").getInt("written");
        } finally {
            probe("config?key=agentry.retention.audit-trail&value=");
        }

        assertTrue(removed > 0, "the oldest records are past the horizon");
        assertEquals(firstBefore + removed, AuditRecords.firstSequence(), "the chain now begins after the anchor");
        JsonObject verdict = verifyChain();
        assertTrue(verdict.getBoolean("valid"), verdict.toString());
        Eventually.await(
                "the pass's audit record counting the removed records",
                Duration.ofSeconds(10),
                () -> Api.listed(get("api/v1/audit?action=retention.purge&limit=200", asBootstrap())).stream()
                        .map(a -> " " + a.getString("target") + " ")
                        .filter(t -> t.contains(" audit-trail=" + removed + " "))
                        .toList(),
                listed -> !listed.isEmpty());
    }

    private static JsonObject verifyChain() {
        return json(Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap()));
    }

    private static JsonObject pass() {
        long execution = Jobs.start("retention", "{}");
        JsonObject done = Jobs.awaitStatus(execution, Jobs.FINISHED);
        assertEquals("COMPLETED", done.getJsonObject("execution").getString("status"), done.toString());
        return done;
    }

    private static String onDisk(String path) {
        return probe("on-disk?path=" + path);
    }

    private static JsonObject step(JsonObject detail, String name) {
        return detail.getJsonArray("steps").stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(name))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + detail));
    }

    private static JsonObject firstChange() {
        return json(get("api/v1/changes?limit=1", asBootstrap()))
                .getJsonArray("data")
                .getJsonObject(0);
    }

    private static String exists(String table, String id) {
        return probe("exists?table=" + table + "&id=" + id);
    }

    private static String probe(String path) {
        return Api.send("POST", "api/v1/_probe/retention/" + path, BodyPublishers.noBody())
                .body();
    }
}
