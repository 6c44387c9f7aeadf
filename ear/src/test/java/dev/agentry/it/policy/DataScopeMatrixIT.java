package dev.agentry.it.policy;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.CredentialState;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Mcp;
import dev.agentry.it.harness.Pages;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data-scope matrix (SPEC section 3), next to the route×scope matrix: a collection's read scope
 * governs its data wherever it flows — the collection routes, {@code /changes}, webhook deliveries
 * and the {@code catalog.read} tool, and MCP's collection tools — and its {@code :read_sensitive} scope the personal fields on
 * all four. Two credentials split the fifteen collections between them, so every collection is
 * withheld from one and shown to the other (each is the other's control); a third holds the
 * sensitive scopes and sees personal data unredacted. One import makes one change per collection.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DataScopeMatrixIT {

    private static final WebhookReceiver RECEIVER = WebhookReceiver.get();
    private static final Set<String> PERSONAL = Set.of("users", "orders", "addresses");

    /** The fixture every test of the matrix reads; built once. */
    private static Matrix matrix;

    @Test
    void everyCollectionIsWithheldOnEveryPathFromACredentialWithoutItsReadScope() {
        Matrix m = matrix();
        assertEquals(15, m.collections.size(), "the fifteen collections from /capabilities: " + m.collections);
        List<String> failures = new ArrayList<>();
        for (Reader reader : List.of(m.even, m.odd)) {
            List<JsonObject> feed = Pages.walk("api/v1/changes?limit=200", reader.auth);
            Set<String> fedTypes =
                    feed.stream().map(c -> c.getString("resourceType")).collect(Collectors.toSet());
            Set<String> delivered = deliveredTypes(reader);
            Map<String, JsonObject> toolCalls = reader.toolCalls;
            for (String collection : m.collections) {
                String uid = m.created.get(collection);
                String item = m.itemNames.get(collection);
                if (reader.reads.contains(collection)) {
                    // The control: what it may read does reach it, on every path.
                    expect(
                            failures,
                            reader,
                            collection,
                            "route",
                            get("api/v1/" + collection + "/" + uid, reader.auth).statusCode() == 200);
                    expect(
                            failures,
                            reader,
                            collection,
                            "feed",
                            feed.stream()
                                    .anyMatch(c -> c.getString("resourceId").equals(uid)));
                    expect(failures, reader, collection, "webhook", delivered.contains(item + ".created"));
                    expect(
                            failures,
                            reader,
                            collection,
                            "catalog.read",
                            "ok".equals(toolCalls.get(collection).getString("status")));
                    continue;
                }
                HttpResponse<String> route = get("api/v1/" + collection + "/" + uid, reader.auth);
                expect(failures, reader, collection, "route 403", route.statusCode() == 403);
                HttpResponse<String> list = get("api/v1/" + collection, reader.auth);
                expect(failures, reader, collection, "list 403", list.statusCode() == 403);
                HttpResponse<String> typed = get("api/v1/changes?types=" + collection, reader.auth);
                expect(
                        failures,
                        reader,
                        collection,
                        "changes?types= 403 naming the scope",
                        typed.statusCode() == 403
                                && json(typed).getString("code").equals("scope_denied")
                                && json(typed).getString("detail").contains(collection + ":read"));
                expect(failures, reader, collection, "feed without types", !fedTypes.contains(collection));
                expect(
                        failures,
                        reader,
                        collection,
                        "webhook",
                        delivered.stream().noneMatch(type -> type.startsWith(item + ".")));
                JsonObject call = toolCalls.get(collection);
                expect(
                        failures,
                        reader,
                        collection,
                        "catalog.read error, no data: " + call,
                        "error".equals(call.getString("status"))
                                && "scope_denied"
                                        .equals(call.getJsonObject("output")
                                                .getJsonObject("error")
                                                .getString("code"))
                                && !call.getJsonObject("output").containsKey("data"));
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyCollectionReachesAnMcpClientExactlyAsItsScopesSay() {
        Matrix m = matrix();
        List<String> failures = new ArrayList<>();
        for (Reader reader : List.of(m.even, m.odd)) {
            String session = Mcp.session(reader.auth);
            JsonObject listed =
                    json(Mcp.post(session, Mcp.request("tools/list", JsonValue.EMPTY_JSON_OBJECT), reader.auth));
            Set<String> tools =
                    listed.getJsonObject("result").getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                            .map(t -> t.getString("name"))
                            .collect(Collectors.toSet());
            for (String collection : m.collections) {
                String uid = m.created.get(collection);
                JsonObject got = Mcp.callTool(
                        session,
                        collection + ".get",
                        jakarta.json.Json.createObjectBuilder().add("id", uid).build(),
                        reader.auth);
                boolean reads = reader.reads.contains(collection);
                expect(
                        failures,
                        reader,
                        collection,
                        "mcp tools/list",
                        tools.contains(collection + ".list") == reads && tools.contains(collection + ".get") == reads);
                if (reads) {
                    expect(
                            failures,
                            reader,
                            collection,
                            "mcp " + collection + ".get",
                            !got.getBoolean("isError")
                                    && uid.equals(got.getJsonObject("structuredContent")
                                            .getString("uid")));
                    if (PERSONAL.contains(collection)) {
                        assertRedacted(
                                collection + " mcp",
                                got.getJsonObject("structuredContent"),
                                m.personalFields.get(collection));
                    }
                } else {
                    expect(
                            failures,
                            reader,
                            collection,
                            "mcp " + collection + ".get scope_denied, no data: " + got,
                            got.getBoolean("isError")
                                    && "scope_denied"
                                            .equals(got.getJsonObject("structuredContent")
                                                    .getString("code"))
                                    && !got.getJsonObject("structuredContent").containsKey("uid"));
                }
            }
        }
        for (String collection : PERSONAL) {
            String session = Mcp.session(m.sensitive.auth);
            JsonObject got = Mcp.callTool(
                    session,
                    collection + ".get",
                    jakarta.json.Json.createObjectBuilder()
                            .add("id", m.created.get(collection))
                            .build(),
                    m.sensitive.auth);
            assertRevealed(
                    collection + " mcp", got.getJsonObject("structuredContent"), m.personalFields.get(collection));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void personalFieldsAreRedactedOnEveryPathWithoutTheSensitiveScopeAndShownWithIt() {
        Matrix m = matrix();
        for (String collection : PERSONAL) {
            Reader reader = m.even.reads.contains(collection) ? m.even : m.odd;
            String uid = m.created.get(collection);
            String item = m.itemNames.get(collection);
            List<String> personal = m.personalFields.get(collection);

            assertRedacted(collection + " route", json(get("api/v1/" + collection + "/" + uid, reader.auth)), personal);
            assertRedacted(collection + " feed", feedSnapshot(reader, collection, uid), personal);
            assertRedacted(collection + " webhook", delivery(reader, item, uid), personal);
            JsonObject call = reader.toolCalls.get(collection);
            assertEquals("ok", call.getString("status"), call.toString());
            assertRedacted(
                    collection + " catalog.read", call.getJsonObject("output").getJsonObject("data"), personal);

            // With the sensitive scope, the same change arrives whole: redaction follows the scopes.
            assertRevealed(
                    collection + " route", json(get("api/v1/" + collection + "/" + uid, m.sensitive.auth)), personal);
            assertRevealed(collection + " feed", feedSnapshot(m.sensitive, collection, uid), personal);
            assertRevealed(collection + " webhook", delivery(m.sensitive, item, uid), personal);
        }
    }

    @Test
    void aSessionTranscriptShowsWhatItsRunsReadUnderTheReadersCurrentScopes() {
        Matrix m = matrix();
        String uid = m.created.get("users");
        List<String> personal = m.personalFields.get("users");
        JsonObject credential = Api.createCredential("{\"name\":\"transcript-reader-" + UUID.randomUUID()
                + "\",\"owner\":\"matrix\",\"scopes\":[\"users:read\",\"users:read_sensitive\",\"runs:write\","
                + "\"runs:read\",\"artifacts:read\"]}");
        String session = "scope-" + UUID.randomUUID();
        HttpResponse<String> accepted = Runs.submit(
                Runs.task(
                        "catalog-reader",
                        "[\"catalog.read\"]",
                        "[]",
                        "[{\"toolCalls\":[{\"tool\":\"catalog.read\",\"arguments\":{\"collection\":\"users\",\"id\":\""
                                + uid + "\"}}],\"final\":\"read\"}]",
                        "\"sessionId\":\"" + session + "\""),
                UUID.randomUUID().toString(),
                bearer(Api.tokenFor(credential)));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String run = json(accepted).getString("id");
        Eventually.await(
                "run " + run + " to end",
                Duration.ofSeconds(60),
                () -> json(get("api/v1/runs/" + run, bearer(Api.tokenFor(credential))))
                        .getString("status"),
                status ->
                        Set.of("succeeded", "failed", "timed_out", "cancelled").contains(status));
        JsonObject read = sessionRead(session, credential);
        assertEquals(uid, read.getJsonObject("data").getString("uid", uid), read.toString());

        // Without users:read_sensitive now: the personal fields the run read are redacted.
        shrink(credential, "[\"users:read\",\"runs:write\",\"runs:read\",\"artifacts:read\"]");
        assertRedacted("users transcript", sessionRead(session, credential).getJsonObject("data"), personal);

        // Without users:read: the records are withheld altogether.
        shrink(credential, "[\"runs:write\",\"runs:read\",\"artifacts:read\"]");
        JsonObject withheld = sessionRead(session, credential);
        assertTrue(withheld.getBoolean("withheld", false), withheld.toString());
        assertFalse(withheld.containsKey("data"), withheld.toString());
    }

    /** The result of the session's catalog.read, as its credential reads the transcript now. */
    private static JsonObject sessionRead(String session, JsonObject credential) {
        HttpResponse<String> transcript =
                get("api/v1/sessions/" + session + "/transcript?limit=100", bearer(Api.tokenFor(credential)));
        assertEquals(200, transcript.statusCode(), transcript.body());
        return Api.listed(transcript).stream()
                .filter(e -> e.getString("type").equals("tool_result"))
                .map(e -> e.getJsonObject("content").getJsonObject("result"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tool result in " + transcript.body()));
    }

    private static void shrink(JsonObject credential, String scopes) {
        HttpResponse<String> patched = Api.send(
                "PATCH",
                "api/v1/credentials/" + credential.getString("id"),
                BodyPublishers.ofString("{\"scopes\":" + scopes + "}"),
                Api.with(asBootstrap(), "Content-Type", "application/json"));
        assertEquals(200, patched.statusCode(), patched.body());
    }

    @Test
    void checkpointsAreOnlyForCollectionsTheCallerMayRead() {
        Matrix m = matrix();
        String cursor = json(get("api/v1/changes?limit=1", m.even.auth)).getString("nextCursor");
        for (String collection : m.collections) {
            HttpResponse<String> stored = Api.send(
                    "PUT",
                    "api/v1/sync-state/checkpoint",
                    BodyPublishers.ofString("{\"consumer\":\"matrix\",\"resourceType\":\"" + collection
                            + "\",\"cursor\":\"" + cursor + "\"}"),
                    Api.with(m.even.auth, "Content-Type", "application/json"));
            if (m.even.reads.contains(collection)) {
                assertEquals(200, stored.statusCode(), collection + ": " + stored.body());
            } else {
                assertTrue(
                        assertProblem(stored, 403, "scope_denied")
                                .getString("detail")
                                .contains(collection + ":read"),
                        stored.body());
            }
        }
    }

    @Test
    void aFeedCursorIsBoundToTheSetOfCollectionsItWasIssuedFor() {
        Matrix m = matrix();
        String evenCursor = json(get("api/v1/changes?limit=1", m.even.auth)).getString("nextCursor");
        assertProblem(get("api/v1/changes?cursor=" + enc(evenCursor), m.odd.auth), 400, "cursor_invalid");
        assertProblem(get("api/v1/changes?cursor=" + enc(evenCursor), asBootstrap()), 400, "cursor_invalid");
        assertEquals(
                200,
                get("api/v1/changes?cursor=" + enc(evenCursor), m.even.auth).statusCode());

        // changes:read without any collection scope: an empty feed, and a cursor that keeps working.
        String[] feedOnly = bearer(Api.tokenFor(Api.createCredential(
                "{\"name\":\"matrix feed only\",\"owner\":\"matrix\",\"scopes\":[\"changes:read\"]}")));
        JsonObject empty = json(get("api/v1/changes?limit=200", feedOnly));
        assertEquals(0, empty.getInt("count"));
        assertFalse(empty.getBoolean("hasMore"));
        JsonObject again = json(get("api/v1/changes?cursor=" + enc(empty.getString("nextCursor")), feedOnly));
        assertEquals(0, again.getInt("count"));
    }

    /**
     * Routing honours a subscription's own event types and its credential's scopes in both modes:
     * without declared interests ("firehose", which used to deliver everything to everyone) and with
     * them (targeted).
     */
    @Test
    void firehoseAndTargetedRoutingBothHonourASubscriptionsEventsAndItsScopes() {
        DemoData.await();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Subscriber eventsLimit = subscriber("fh-events", "[\"tags:read\",\"entries:read\"]", null, "[\"tag.created\"]");
        Subscriber scopeLimit = subscriber("fh-scopes", "[\"entries:read\"]", null, "[\"*\"]");
        String interests = "[\"tag.*\",\"entry.*\",\"webhook.test\"]";
        Subscriber targetedEvents =
                subscriber("tg-events", "[\"tags:read\",\"entries:read\"]", interests, "[\"tag.*\"]");
        // A subscription names only types its credential may receive when it is made; the credential then
        // loses tags:read, and routing (which asks its scopes as they are now) stops tag events for it.
        Subscriber targetedScopes = subscriber(
                "tg-scopes",
                "[\"tags:read\",\"entries:read\"]",
                interests,
                "[\"tag.*\",\"entry.*\"]",
                "[\"webhooks:manage\",\"entries:read\"]");

        importLines("{\"collection\":\"tags\",\"name\":\"Routing " + suffix + "\",\"slug\":\"routing-" + suffix
                + "\"}\n{\"collection\":\"entries\",\"section\":\"journal\",\"title\":\"Routing " + suffix
                + "\",\"slug\":\"routing-" + suffix + "\"}\n");

        awaitType(eventsLimit, "tag.created", suffix);
        awaitType(scopeLimit, "entry.created", suffix);
        awaitType(targetedEvents, "tag.created", suffix);
        awaitType(targetedScopes, "entry.created", suffix);
        for (Subscriber s : List.of(eventsLimit, scopeLimit, targetedEvents, targetedScopes)) {
            sentinel(s);
        }
        assertEquals(Set.of("tag.created"), changeTypes(eventsLimit), "firehose: its events, not all it may read");
        assertEquals(Set.of("entry.created"), changeTypes(scopeLimit), "firehose: * is only what it may read");
        assertEquals(Set.of("tag.created"), changeTypes(targetedEvents), "targeted: its events");
        assertEquals(Set.of("entry.created"), changeTypes(targetedScopes), "targeted: its scopes");
    }

    // ---- the fixture

    private record Reader(
            String name,
            String[] auth,
            Set<String> reads,
            String subscription,
            String receiverName,
            Map<String, JsonObject> toolCalls) {}

    private record Matrix(
            List<String> collections,
            Map<String, String> itemNames,
            Map<String, List<String>> personalFields,
            Map<String, String> created,
            Reader even,
            Reader odd,
            Reader sensitive) {}

    private record Subscriber(String[] auth, String subscription, String receiverName) {}

    private static synchronized Matrix matrix() {
        if (matrix != null) {
            return matrix;
        }
        DemoData.await();
        JsonObject capabilities = json(get("api/v1/capabilities"));
        List<String> routes = readRoutes(capabilities);
        Map<String, String> itemNames = new LinkedHashMap<>();
        capabilities.getJsonArray("eventTypes").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("type").endsWith(".created")
                        && t.getString("dataSchema").equals("webhook.data.change"))
                .forEach(t -> {
                    String item = t.getString("type").replace(".created", "");
                    String description = t.getString("description");
                    routes.stream()
                            .filter(c -> description.startsWith("A record in " + c + " was"))
                            .findFirst()
                            .ifPresent(c -> itemNames.put(c, item));
                });
        // A collection: a route guarded by its own read scope whose records' changes are events.
        List<String> collections =
                routes.stream().filter(itemNames::containsKey).toList();

        Set<String> even = new TreeSet<>();
        Set<String> odd = new TreeSet<>();
        for (int i = 0; i < collections.size(); i++) {
            (i % 2 == 0 ? even : odd).add(collections.get(i));
        }
        Reader evenReader = reader("even", even, Set.of());
        Reader oddReader = reader("odd", odd, Set.of());
        Reader sensitive = reader(
                "sensitive",
                PERSONAL,
                PERSONAL.stream().map(c -> c + ":read_sensitive").collect(Collectors.toSet()));

        // One change per collection, after the subscriptions exist.
        String end = feedEnd();
        String u = UUID.randomUUID().toString().substring(0, 8);
        importLines(String.join(
                "\n",
                "{\"collection\":\"sections\",\"name\":\"Matrix " + u + "\",\"handle\":\"matrix-" + u
                        + "\",\"type\":\"channel\"}",
                "{\"collection\":\"entries\",\"section\":\"journal\",\"title\":\"Matrix " + u + "\",\"slug\":\"matrix-"
                        + u + "\"}",
                "{\"collection\":\"categories\",\"name\":\"Matrix " + u + "\",\"slug\":\"matrix-" + u + "\"}",
                "{\"collection\":\"tags\",\"name\":\"Matrix " + u + "\",\"slug\":\"matrix-" + u + "\"}",
                "{\"collection\":\"assets\",\"filename\":\"matrix-" + u + ".png\",\"kind\":\"image\",\"size\":1}",
                "{\"collection\":\"global-sets\",\"name\":\"Matrix " + u + "\",\"handle\":\"matrix-" + u
                        + "\",\"fields\":{\"a\":1}}",
                "{\"collection\":\"content-blocks\",\"name\":\"Matrix " + u + "\",\"handle\":\"matrix-" + u
                        + "\",\"body\":\"x\"}",
                "{\"collection\":\"users\",\"name\":\"Matrix " + u + "\",\"username\":\"matrix-" + u
                        + "\",\"email\":\"matrix-" + u + "@example.com\"}",
                "{\"collection\":\"addresses\",\"user\":\"matrix-" + u + "\",\"fullName\":\"Matrix " + u
                        + "\",\"line1\":\"1 Matrix Road\",\"city\":\"Bath\",\"postalCode\":\"BA1 1AA\","
                        + "\"country\":\"GB\",\"phone\":\"+44 1225 000000\"}",
                "{\"collection\":\"products\",\"title\":\"Matrix " + u + "\",\"slug\":\"matrix-" + u
                        + "\",\"type\":\"mug\"}",
                "{\"collection\":\"variants\",\"product\":\"matrix-" + u + "\",\"sku\":\"MATRIX-" + u
                        + "\",\"price\":\"1.00\",\"stock\":1}",
                "{\"collection\":\"orders\",\"number\":\"MATRIX-" + u + "\",\"currency\":\"EUR\","
                        + "\"customerEmail\":\"matrix-" + u + "@example.com\",\"lineItems\":[{\"sku\":\"MATRIX-" + u
                        + "\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}",
                "{\"collection\":\"subscriptions\",\"plan\":\"monthly\",\"customerEmail\":\"matrix-" + u
                        + "@example.com\"}",
                "{\"collection\":\"transfers\",\"fromLocation\":\"A\",\"toLocation\":\"B\",\"sku\":\"MATRIX-" + u
                        + "\",\"quantity\":1}",
                "{\"collection\":\"donations\",\"amount\":\"5\",\"currency\":\"EUR\",\"campaign\":\"matrix-" + u
                        + "\",\"donorEmail\":\"matrix-" + u + "@example.com\"}"));
        Map<String, String> created = new LinkedHashMap<>();
        Pages.walk("api/v1/changes?limit=200&cursor=" + enc(end), asBootstrap()).stream()
                .filter(c -> c.getString("action").equals("create"))
                .forEach(c -> created.putIfAbsent(c.getString("resourceType"), c.getString("resourceId")));
        assertEquals(new TreeSet<>(collections), new TreeSet<>(created.keySet()), "one change per collection");

        Map<String, List<String>> personalFields = new LinkedHashMap<>();
        for (String collection : PERSONAL) {
            JsonObject schema = json(get("api/v1/schema/collection." + collection, asBootstrap()));
            personalFields.put(collection, personal(schema, collection));
        }

        matrix = new Matrix(
                collections,
                itemNames,
                personalFields,
                created,
                withToolCalls(evenReader, collections, created),
                withToolCalls(oddReader, collections, created),
                sensitive);
        // Every reader's deliveries of the import are routed before any test looks at them.
        for (Reader reader : List.of(matrix.even, matrix.odd, matrix.sensitive)) {
            sentinel(new Subscriber(reader.auth, reader.subscription, reader.receiverName));
        }
        return matrix;
    }

    /**
     * Governed writes: every action needs the read scope of the collection it writes, on every control
     * path that takes an action — simulate, approval request and execute — whatever control scopes the
     * caller holds.
     */
    @Test
    void everyGovernedActionIsRefusedToACredentialWithoutItsCollectionsReadScope() {
        String[] controller = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"control-matrix-"
                + UUID.randomUUID() + "\",\"owner\":\"matrix\",\"scopes\":[\"control:actions:simulate\","
                + "\"control:actions:execute\",\"control:approvals:request\"]}")));
        List<String> failures = new ArrayList<>();
        List<JsonObject> actions =
                json(get("api/v1/capabilities")).getJsonArray("actions").getValuesAs(JsonObject.class);
        assertFalse(actions.isEmpty());
        for (JsonObject action : actions) {
            String body = "{\"action\":\"" + action.getString("name") + "\",\"input\":{}}";
            Map<String, HttpResponse<String>> paths = new LinkedHashMap<>();
            paths.put("simulate", postJson("api/v1/control/policy-simulate", body, controller));
            paths.put("request", postJson("api/v1/control/approvals", body, controller));
            paths.put(
                    "execute",
                    postJson(
                            "api/v1/control/actions/execute",
                            body,
                            Api.with(
                                    controller,
                                    "Idempotency-Key",
                                    UUID.randomUUID().toString())));
            paths.forEach((path, response) -> {
                if (response.statusCode() != 403
                        || !json(response).getString("code").equals("scope_denied")) {
                    failures.add(action.getString("name") + " " + path + " without " + action.getString("scope") + ": "
                            + response.statusCode());
                }
            });
        }
        assertEquals(List.of(), failures);
    }

    /** The routes {@code GET /<name>} guarded by {@code <name>:read}: the collections, agents, runs, ... */
    private static List<String> readRoutes(JsonObject capabilities) {
        List<String> names = new ArrayList<>();
        for (JsonValue s : capabilities.getJsonArray("surfaces")) {
            for (JsonObject route : s.asJsonObject().getJsonArray("routes").getValuesAs(JsonObject.class)) {
                String path = route.getString("path");
                String name = path.substring(1);
                if (route.getString("method").equals("GET")
                        && path.matches("/[a-z-]+")
                        && route.getJsonArray("scopes").size() == 1
                        && route.getJsonArray("scopes").getString(0).equals(name + ":read")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** A credential reading {@code collections} (and {@code extra}), subscribed to every event. */
    private static Reader reader(String name, Set<String> collections, Set<String> extra) {
        Set<String> scopes = new TreeSet<>(extra);
        collections.forEach(c -> scopes.add(c + ":read"));
        scopes.addAll(List.of(
                "changes:read", "syncstate:write", "webhooks:manage", "runs:write", "runs:read", "artifacts:read"));
        String scopeList = scopes.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
        Subscriber subscriber = subscriber("matrix-" + name, scopeList, null, "[\"*\"]");
        return new Reader(
                name,
                subscriber.auth,
                Set.copyOf(collections),
                subscriber.subscription,
                subscriber.receiverName,
                Map.of());
    }

    private static Subscriber subscriber(String name, String scopes, String interests, String events) {
        return subscriber(name, scopes, interests, events, null);
    }

    /** A subscriber whose credential's scopes are narrowed to {@code narrowedTo} once it subscribed, if given. */
    private static Subscriber subscriber(
            String name, String scopes, String interests, String events, String narrowedTo) {
        String credential = "{\"name\":\"" + name + "-" + UUID.randomUUID() + "\",\"owner\":\"matrix\",\"scopes\":"
                + (scopes.contains("webhooks:manage") ? scopes : scopes.replace("[", "[\"webhooks:manage\","))
                + (interests == null ? "" : ",\"eventInterests\":" + interests) + "}";
        JsonObject owner = Api.createCredential(credential);
        String[] auth = bearer(Api.tokenFor(owner));
        String receiverName = name + "-" + UUID.randomUUID();
        HttpResponse<String> subscribed = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + RECEIVER.url(receiverName, null) + "\",\"events\":" + events + "}",
                auth);
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        JsonObject created = json(subscribed);
        RECEIVER.expectSecrets(receiverName, created.getString("secret"));
        if (narrowedTo != null) {
            HttpResponse<String> narrowed = Api.send(
                    "PATCH",
                    "api/v1/credentials/" + owner.getString("id"),
                    BodyPublishers.ofString("{\"scopes\":" + narrowedTo + "}"),
                    Api.with(asBootstrap(), "Content-Type", "application/json"));
            assertEquals(200, narrowed.statusCode(), narrowed.body());
        }
        return new Subscriber(auth, created.getJsonObject("subscription").getString("id"), receiverName);
    }

    /** The reader's catalog.read of every collection's new record, by collection, from its own run. */
    private static Reader withToolCalls(Reader reader, List<String> collections, Map<String, String> created) {
        String calls = collections.stream()
                .map(c -> "{\"tool\":\"catalog.read\",\"arguments\":{\"collection\":\"" + c + "\",\"id\":\""
                        + created.get(c) + "\"}}")
                .collect(Collectors.joining(","));
        HttpResponse<String> accepted = Runs.submit(
                Runs.task(
                        "catalog-reader",
                        "[\"catalog.read\"]",
                        "[]",
                        "[{\"toolCalls\":[" + calls + "],\"final\":\"read\"}]"),
                UUID.randomUUID().toString(),
                reader.auth);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = json(accepted).getString("id");
        Eventually.await(
                "run " + id + " to end",
                Duration.ofSeconds(60),
                () -> json(get("api/v1/runs/" + id, reader.auth)).getString("status"),
                status ->
                        Set.of("succeeded", "failed", "timed_out", "cancelled").contains(status));
        HttpResponse<String> transcript =
                get("api/v1/runs/" + id + "/artifacts/files/runtime-evidence/tool-calls/transcript.json", reader.auth);
        assertEquals(200, transcript.statusCode(), transcript.body());
        List<JsonObject> toolCalls = json(transcript).getJsonArray("tool_calls").getValuesAs(JsonObject.class);
        assertEquals(collections.size(), toolCalls.size(), "one call per collection");
        Map<String, JsonObject> byCollection = new LinkedHashMap<>();
        for (int i = 0; i < collections.size(); i++) {
            byCollection.put(collections.get(i), toolCalls.get(i));
        }
        return new Reader(
                reader.name, reader.auth, reader.reads, reader.subscription, reader.receiverName, byCollection);
    }

    // ---- helpers

    @Test
    void incidentsAndRisksAboutACredentialBeyondTheReadersCeilingAreWithheld() {
        // users:read is the datum's scope here: a reader without it must not learn of the credential holding it.
        JsonObject beyond = Api.createCredential("{\"name\":\"beyond-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"users:read\"],\"ttlDays\":null}");
        String id = beyond.getString("id");
        CredentialState.deniedScope(bearer(Api.tokenFor(beyond)), 10);
        String[] without = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"without\",\"owner\":\"it\","
                + "\"scopes\":[\"incidents:read\",\"lifecycle:read\",\"tags:read\"]}")));
        String[] with = bearer(Api.tokenFor(Api.createCredential("{\"name\":\"with\",\"owner\":\"it\","
                + "\"scopes\":[\"incidents:read\",\"lifecycle:read\",\"users:read\"]}")));

        List<JsonObject> seen = CredentialState.incidentsAbout(id, with);
        assertEquals(1, seen.size(), seen.toString());
        assertEquals("scope_denials", seen.get(0).getString("signal"));
        assertFalse(CredentialState.risksOf(id, with).isEmpty(), "its no_expiry risk, within the ceiling");

        assertTrue(CredentialState.incidentsAbout(id, without).isEmpty());
        assertProblem(get("api/v1/incidents/" + seen.get(0).getString("id"), without), 404, "not_found");
        assertTrue(CredentialState.risksOf(id, without).isEmpty());
    }

    private static void importLines(String jsonLines) {
        HttpResponse<String> started = Api.send(
                "POST",
                "api/v1/imports",
                BodyPublishers.ofString(jsonLines),
                Api.with(asBootstrap(), "Content-Type", "application/x-ndjson"));
        assertEquals(202, started.statusCode(), started.body());
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());
        JsonObject report = Eventually.await(
                "the import at " + location,
                Duration.ofSeconds(60),
                () -> json(Api.send(location, "GET", BodyPublishers.noBody(), asBootstrap())),
                r -> r.getJsonObject("execution").getString("status").equals("COMPLETED"));
        assertEquals(0, report.getInt("skipped"), report.toString());
        Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
    }

    /** The bootstrap's cursor at the end of the feed. */
    private static String feedEnd() {
        Api.send("POST", "api/v1/_probe/catalog/sequence", BodyPublishers.noBody());
        String cursor = null;
        while (true) {
            JsonObject page = json(
                    get("api/v1/changes?limit=200" + (cursor == null ? "" : "&cursor=" + enc(cursor)), asBootstrap()));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    /**
     * Sends the subscription a test event and waits for it: routing goes in event order, so every
     * event before it has been routed (its deliveries are in the ledger) once it arrives.
     */
    private static void sentinel(Subscriber subscriber) {
        HttpResponse<String> test = Api.send(
                "POST",
                "api/v1/webhooks/subscriptions/" + subscriber.subscription + "/test",
                BodyPublishers.noBody(),
                subscriber.auth);
        assertEquals(202, test.statusCode(), test.body());
        String eventId = json(test).getString("eventId");
        RECEIVER.await(
                subscriber.receiverName,
                d -> d.stream()
                        .anyMatch(x -> x.getJsonObject("headers")
                                .getString("webhook-id")
                                .equals(eventId)));
    }

    /** Every event type the ledger routed to the reader's subscription. */
    private static Set<String> deliveredTypes(Reader reader) {
        return ledger(reader.auth, reader.subscription);
    }

    private static Set<String> ledger(String[] auth, String subscription) {
        return Pages.walk("api/v1/webhooks/subscriptions/" + subscription + "/deliveries?limit=200", auth).stream()
                .map(d -> d.getString("eventType"))
                .collect(Collectors.toSet());
    }

    /** The catalog change types the ledger routed to the subscription. */
    private static Set<String> changeTypes(Subscriber subscriber) {
        return ledger(subscriber.auth, subscriber.subscription).stream()
                .filter(t -> t.endsWith(".created") || t.endsWith(".updated") || t.endsWith(".deleted"))
                .filter(t -> !t.startsWith("credential.") && !t.startsWith("run."))
                .collect(Collectors.toSet());
    }

    private static void awaitType(Subscriber subscriber, String type, String marker) {
        RECEIVER.await(
                subscriber.receiverName,
                d -> d.stream()
                        .map(x -> Api.structure(x.getString("body")).asJsonObject())
                        .anyMatch(p ->
                                p.getString("type").equals(type) && p.toString().contains(marker)));
    }

    /** The snapshot of the reader's webhook delivery of the record's creation. */
    private static JsonObject delivery(Reader reader, String item, String uid) {
        return RECEIVER.await(reader.receiverName, d -> d.stream().anyMatch(x -> created(x, item, uid))).stream()
                .filter(x -> created(x, item, uid))
                .findFirst()
                .map(x -> Api.structure(x.getString("body"))
                        .asJsonObject()
                        .getJsonObject("data")
                        .getJsonObject("snapshot"))
                .orElseThrow();
    }

    private static boolean created(JsonObject delivery, String item, String uid) {
        JsonObject payload = Api.structure(delivery.getString("body")).asJsonObject();
        return payload.getString("type").equals(item + ".created")
                && payload.getJsonObject("data").getString("resourceId").equals(uid);
    }

    /** The snapshot of the record's creation as the reader's feed (types=collection) shows it. */
    private static JsonObject feedSnapshot(Reader reader, String collection, String uid) {
        return Pages.walk("api/v1/changes?types=" + collection + "&limit=200", reader.auth).stream()
                .filter(c -> c.getString("resourceId").equals(uid))
                .findFirst()
                .orElseThrow(() -> new AssertionError(collection + " " + uid + " not in " + reader.name + "'s feed"))
                .getJsonObject("snapshot");
    }

    /** The fields the collection's schema marks as personal. */
    private static List<String> personal(JsonObject schema, String collection) {
        List<String> fields = schema.getJsonObject("properties").entrySet().stream()
                .filter(e -> e.getValue() instanceof JsonObject p
                        && p.getString("description", "").contains(collection + ":read_sensitive"))
                .map(Map.Entry::getKey)
                .toList();
        assertFalse(fields.isEmpty(), "personal fields of " + collection + " in " + schema);
        return fields;
    }

    private static void assertRedacted(String where, JsonObject record, List<String> personal) {
        for (String field : personal) {
            assertEquals(JsonValue.NULL, record.get(field), where + ": " + field + " in " + record);
        }
        assertTrue(record.getBoolean("redacted", false), where + " marked redacted: " + record);
    }

    private static void assertRevealed(String where, JsonObject record, List<String> personal) {
        assertTrue(
                personal.stream().anyMatch(f -> record.get(f) instanceof jakarta.json.JsonString),
                where + " with the sensitive scope: " + record);
        assertFalse(record.getBoolean("redacted", false), where + ": " + record);
    }

    private static void expect(List<String> failures, Reader reader, String collection, String what, boolean held) {
        if (!held) {
            failures.add(reader.name + " / " + collection + ": " + what);
        }
    }

    private static String enc(String cursor) {
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
}
