package dev.agentry.it.cluster;

import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.AgentryEar;
import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Control;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.jobs.Jobs;
import dev.agentry.it.probe.ProbeJobs;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes, one system, on one server: a second node ("node-b") exists only as the shared database shows it
 * (its membership, a lease it holds, executions it started). While it holds a duty's lease this node leaves the
 * duty alone; once the lease expires (the clock moved past it, as when node-b died) this node takes the duty
 * over. Job executions a live node runs survive this node's start; those of dead nodes, and of this node's own
 * earlier life, are marked interrupted. A batch of the change sequence that node-b holds makes this node's
 * sequencer wait for it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterIT {

    private static final String OTHER = "node-b";
    private static final String DEAD = "node-c";
    private static final long HOUR = 3600;

    @ArquillianResource
    AgentryEar ear;

    @Test
    void aDueScheduleIsLeftToTheLeaseHolderUntilItsLeaseExpires() {
        try {
            lease("JOB_SCHEDULES", OTHER, HOUR);
            // A tick that began before the lease changed hands may still be recorded a moment later.
            Instant since = Instant.now().plusSeconds(1);
            Eventually.settles(
                    "no tick of " + ProbeJobs.TICK + " (due every two seconds) fired here",
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(6),
                    () -> Jobs.executions("job=" + ProbeJobs.TICK + "&since=" + since)
                            .isEmpty());

            Api.shiftClock(HOUR + 60); // node-b's lease has run out: as if it had died an hour ago

            Eventually.await(
                    "this node fires " + ProbeJobs.TICK + " again",
                    Duration.ofSeconds(20),
                    () -> Jobs.executions("job=" + ProbeJobs.TICK + "&since=" + since),
                    list -> !list.isEmpty());
            assertEquals(node(), holder("JOB_SCHEDULES"));
        } finally {
            Api.shiftClock(0);
            lease("JOB_SCHEDULES", null, 0);
        }
    }

    @Test
    void overdueApprovalsAreLeftToTheLeaseHolderUntilItsLeaseExpires() {
        String[] requester = bearer(Api.tokenFor(createCredential("{\"name\":\"cluster-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"control:approvals:request\",\"tags:read\"]}")));
        try {
            lease("APPROVAL_EXPIRY", OTHER, HOUR);
            String approvalId = Control.request(
                            requester,
                            "tag.create",
                            "{\"name\":\"Clustered\",\"slug\":\"cl-" + UUID.randomUUID() + "\"}")
                    .getString("id");
            assertEquals(
                    204,
                    Api.send("PUT", "api/v1/_probe/control/overdue/" + approvalId, BodyPublishers.noBody())
                            .statusCode());
            // The suite sweeps every second: several sweeps pass here without one.
            Eventually.settles(
                    "the overdue approval left unrecorded",
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5),
                    () -> "pending".equals(stored(approvalId).getString("status")));

            Api.shiftClock(HOUR + 60);

            JsonObject settled = Eventually.await(
                    "the approval recorded as expired by this node",
                    Duration.ofSeconds(20),
                    () -> stored(approvalId),
                    s -> "expired".equals(s.getString("status")));
            assertEquals(1, settled.getInt("expiredEvents"), "approval.expired announced once");
            assertEquals(node(), holder("APPROVAL_EXPIRY"));
        } finally {
            Api.shiftClock(0);
            lease("APPROVAL_EXPIRY", null, 0);
        }
    }

    @Test
    void onlyExecutionsNoLiveNodeRunsAreMarkedInterrupted() {
        String self = node();
        List<Long> made = new ArrayList<>();
        try {
            member(OTHER, HOUR); // alive throughout, even across the redeploy below
            member(DEAD, -HOUR);
            long others = running(OTHER, made);
            long deads = running(DEAD, made);
            long own = running(self, made);
            long unattributed = running(null, made);

            // The schedules' lease holder (this node) fails what the dead node left running, and nothing else.
            assertInterrupted(deads);
            assertEquals("STARTED", Jobs.status(others));
            assertEquals("STARTED", Jobs.status(own), "this node's own executions run here");
            assertEquals("STARTED", Jobs.status(unattributed), "an execution naming no node counts as this node's");

            ear.redeploy();

            // At start: what this node's earlier life left running, with or without its name on it.
            assertInterrupted(own);
            assertInterrupted(unattributed);
            // As the application stops, WildFly asks every execution of its jobs that the repository records as
            // running to stop (WFLYBATCH000014), another node's too: one not running here is only marked STOPPING,
            // which still counts as running. What matters is that this node's start does not fail it.
            assertTrue(
                    Set.of("STARTED", "STOPPING").contains(Jobs.status(others)),
                    "a live node's execution survives this node's start: " + Jobs.detail(others));
        } finally {
            made.forEach(id -> Api.send("DELETE", "api/v1/_probe/cluster/executions/" + id, BodyPublishers.noBody()));
            Api.send("DELETE", "api/v1/_probe/cluster/members/" + OTHER, BodyPublishers.noBody());
            Api.send("DELETE", "api/v1/_probe/cluster/members/" + DEAD, BodyPublishers.noBody());
        }
    }

    @Test
    void changesWaitWhileAnotherNodesSequencerBatchHoldsTheSequenceAndArePlacedAfterIt() throws Exception {
        DemoData.await();
        String cursor = end();
        CompletableFuture<HttpResponse<String>> otherNodesBatch = CompletableFuture.supplyAsync(() -> Api.send(
                "POST", "api/v1/_probe/cluster/leases/CHANGE_SEQUENCE/lock?millis=8000", BodyPublishers.noBody()));
        Thread.sleep(1000); // the lock is taken

        HttpResponse<String> written = Api.send(
                "POST", "api/v1/_probe/catalog/concurrent-writes?writers=1&each=1&tag=locked", BodyPublishers.noBody());
        assertEquals(200, written.statusCode(), written.body());
        // This node's sequencer (every second) waits for the other node's batch to commit.
        String from = cursor;
        Eventually.settles(
                "nothing placed while the other node holds the sequence",
                Duration.ofSeconds(5),
                Duration.ofSeconds(3),
                () -> page(from).getJsonArray("data").isEmpty());
        assertEquals(204, otherNodesBatch.get().statusCode());

        Eventually.await(
                "the changes placed once the other node's batch committed",
                Duration.ofSeconds(15),
                () -> page(from).getJsonArray("data").size(),
                placed -> placed == 3); // created, retitled, deleted
    }

    private static JsonObject page(String cursor) {
        return json(get("api/v1/changes?types=entries&limit=50&cursor=" + cursor, Api.asBootstrap()));
    }

    /** The cursor at the end of the entries' feed, everything committed placed first. */
    private static String end() {
        Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
        String cursor = null;
        while (true) {
            JsonObject page = json(get(
                    "api/v1/changes?types=entries&limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    Api.asBootstrap()));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    private static void assertInterrupted(long execution) {
        JsonObject detail = Jobs.awaitStatus(execution, Set.of("FAILED", "COMPLETED", "STOPPED", "ABANDONED"));
        assertEquals("FAILED", detail.getJsonObject("execution").getString("status"), detail::toString);
        assertEquals("INTERRUPTED", detail.getJsonObject("execution").getString("exitStatus"), detail::toString);
    }

    /** An exclusive job's execution that {@code node} started and the job repository still records as running. */
    private static long running(String node, List<Long> made) {
        HttpResponse<String> response = Api.send(
                "POST",
                "api/v1/_probe/cluster/executions?job=" + ProbeJobs.SLOW + (node == null ? "" : "&node=" + node),
                BodyPublishers.noBody());
        assertEquals(200, response.statusCode(), response.body());
        long id = Long.parseLong(response.body());
        made.add(id);
        return id;
    }

    private static String node() {
        return Api.send("GET", "api/v1/_probe/cluster/node", BodyPublishers.noBody())
                .body();
    }

    private static String holder(String duty) {
        return Api.send("GET", "api/v1/_probe/cluster/leases/" + duty, BodyPublishers.noBody())
                .body();
    }

    private static void lease(String duty, String holder, long seconds) {
        HttpResponse<String> response = Api.send(
                "PUT",
                "api/v1/_probe/cluster/leases/" + duty + "?seconds=" + seconds
                        + (holder == null ? "" : "&holder=" + holder),
                BodyPublishers.noBody());
        assertEquals(204, response.statusCode(), response.body());
    }

    private static void member(String node, long seenSecondsFromNow) {
        HttpResponse<String> response = Api.send(
                "PUT",
                "api/v1/_probe/cluster/members/" + node + "?seconds=" + seenSecondsFromNow,
                BodyPublishers.noBody());
        assertEquals(204, response.statusCode(), response.body());
    }

    private static JsonObject stored(String approvalId) {
        return json(get("api/v1/_probe/control/stored/" + approvalId));
    }
}
