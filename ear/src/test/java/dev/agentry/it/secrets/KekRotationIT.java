package dev.agentry.it.secrets;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.AuditRecords;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rotating the key-encryption key (issue 23): under traffic nothing is lost, the re-wrap job moves every
 * row and then removes the retired KEK; a server missing a KEK some row needs says so in readiness; a
 * copy of the database under another server's KEK signs nothing this server accepts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KekRotationIT {

    private static final WebhookReceiver RECEIVER = WebhookReceiver.get();
    private static final String KEKS = "api/v1/auth/key-encryption-keys";

    private final JsonObject owner = Api.createCredential("{\"name\":\"kek-" + UUID.randomUUID()
            + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\"],\"eventInterests\":[\"webhook.test\"]}");
    private final String[] auth = bearer(Api.tokenFor(owner));

    @Test
    @Order(1)
    void rotatingTheKekUnderTrafficLosesNoRequestAndNoDeliveryAndRemovesTheRetiredKek() throws Exception {
        Instant since = AuditRecords.mark();
        List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            subscribers.add(subscribe());
        }
        Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        Thread traffic = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                Subscriber target = subscribers.get(i % subscribers.size());
                HttpResponse<String> test = send(
                        "POST",
                        "api/v1/webhooks/subscriptions/" + target.id() + "/test",
                        BodyPublishers.noBody(),
                        auth);
                if (test.statusCode() == 202) {
                    sent.computeIfAbsent(target.name(), n -> new AtomicInteger())
                            .incrementAndGet();
                } else {
                    failures.add("test delivery " + test.statusCode() + " " + test.body());
                }
                HttpResponse<String> whoami = get("api/v1/auth/whoami", bearer(Api.tokenFor(owner)));
                if (whoami.statusCode() != 200) {
                    failures.add("whoami " + whoami.statusCode() + " " + whoami.body());
                }
                if (i % 4 == 3) {
                    subscribers.add(subscribe()); // sealed under whichever KEK is current just then
                }
                rounds.incrementAndGet();
            }
        });
        traffic.start();
        try {
            Eventually.await("traffic before the rotation", Duration.ofSeconds(30), rounds::get, n -> n >= 4);
            String before = status().getString("kekId");

            HttpResponse<String> rotated = send("POST", KEKS + "/rotate", BodyPublishers.noBody(), asBootstrap());

            assertEquals(202, rotated.statusCode(), rotated.body());
            JsonObject rotation = json(rotated);
            String after = rotation.getString("kekId");
            assertEquals(before, rotation.getString("previousKekId"));
            assertNotEquals(before, after);
            assertTrue(rotation.getJsonNumber("rewrapJobExecutionId").longValue() > 0, rotation.toString());
            int atRotation = rounds.get();
            JsonObject settled = Eventually.await(
                    "every row re-wrapped under " + after + " and " + before + " removed",
                    Duration.ofSeconds(90),
                    KekRotationIT::status,
                    s -> s.getJsonObject("rowsByKek").keySet().equals(Set.of(after))
                            && s.getJsonArray("retired").isEmpty());
            Eventually.await(
                    "traffic after the re-wrap", Duration.ofSeconds(30), rounds::get, n -> n >= atRotation + 4);
            assertEquals(after, settled.getString("kekId"));
        } finally {
            running.set(false);
            traffic.join(30_000);
        }

        assertEquals(List.of(), failures, "no request failed during the rotation");
        for (Subscriber subscriber : subscribers) {
            int expected =
                    sent.getOrDefault(subscriber.name(), new AtomicInteger()).get();
            List<JsonObject> received = RECEIVER.await(subscriber.name(), d -> d.size() >= expected);
            assertEquals(expected, received.size(), subscriber.name());
            for (JsonObject delivery : received) {
                assertTrue(
                        delivery.getJsonArray("verdicts").getJsonObject(0).getBoolean("ok"),
                        "signed with the subscription's secret: " + delivery);
            }
        }
        Path data = Path.of(System.getProperty("it.data-dir"), "agentry");
        try (var files = Files.list(data)) {
            assertEquals(
                    List.of(),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("secrets-kek-"))
                            .toList(),
                    "no retired KEK file is left");
        }
        List<String> actions = auditActions(since);
        assertTrue(actions.contains("secrets.kek.rotate"), actions.toString());
        assertTrue(actions.contains("secrets.kek.destroy"), actions.toString());
    }

    @Test
    @Order(2)
    void onlyACredentialManagerSeesOrRotatesTheKeks() {
        assertProblem(get(KEKS, auth), 403, "scope_denied");
        assertProblem(send("POST", KEKS + "/rotate", BodyPublishers.noBody(), auth), 403, "scope_denied");
        JsonObject status = status();
        assertEquals("key-file", status.getString("source"));
        assertFalse(status.toString().contains(System.getProperty("it.data-dir")), "no server path: " + status);
    }

    @Test
    @Order(3)
    void aServerMissingAKekSomeRowNeedsFailsReadinessClearlyUntilTheKeyIsRestored() throws Exception {
        Subscriber subscriber = subscribe();
        Path current = Path.of(System.getProperty("it.data-dir"), "agentry", "secrets-kek.key");
        String lost = kekId(current);
        Path backup = current.resolveSibling("kek-backup-" + UUID.randomUUID());
        Files.move(current, backup);
        try {
            // As at a start with the key file gone: the server makes a new KEK and cannot open older rows.
            assertEquals(204, probe("reload-keks").statusCode());

            JsonObject problem = assertProblem(get("api/v1/readiness"), 503, "service_unavailable");
            JsonObject secrets = secretsCheck(problem);
            assertEquals("DOWN", secrets.getString("status"));
            assertEquals(lost, secrets.getJsonObject("data").getString("missingKekIds"));
            assertTrue(secrets.getJsonObject("data").getString("message").contains(lost), secrets.toString());
            assertProblem(
                    send(
                            "POST",
                            "api/v1/webhooks/subscriptions/" + subscriber.id() + "/rotate-secret",
                            BodyPublishers.noBody(),
                            auth),
                    503,
                    "service_unavailable");
            List<String> said =
                    Files.readAllLines(Path.of(System.getProperty("it.server-dir"), "log", "server.log")).stream()
                            .filter(l -> l.contains(lost) && l.contains("ERROR"))
                            .toList();
            assertFalse(said.isEmpty(), "the log names the missing KEK");
            said.forEach(Api::assertNoStackTrace);
        } finally {
            // Restored from the backup as a retired key, beside the new current one.
            Path restored = current.resolveSibling("secrets-kek-" + lost + ".key");
            Files.move(backup, restored, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(restored, PosixFilePermissions.fromString("rw-------"));
        }
        Eventually.await(
                "readiness up once the KEK is back",
                Duration.ofSeconds(30),
                () -> get("api/v1/readiness").statusCode(),
                status -> status == 200);
        assertEquals(
                200,
                send(
                                "POST",
                                "api/v1/webhooks/subscriptions/" + subscriber.id() + "/rotate-secret",
                                BodyPublishers.noBody(),
                                auth)
                        .statusCode(),
                "the restored KEK opens the row again");
        String kekId = status().getString("kekId");
        HttpResponse<String> rewrap = send("POST", KEKS + "/rewrap", BodyPublishers.noBody(), asBootstrap());
        assertEquals(202, rewrap.statusCode(), rewrap.body());
        Eventually.await(
                "the rows moved under " + kekId + " and the restored KEK retired",
                Duration.ofSeconds(90),
                KekRotationIT::status,
                s -> s.getJsonObject("rowsByKek").keySet().equals(Set.of(kekId))
                        && s.getJsonArray("retired").isEmpty());
    }

    @Test
    @Order(4)
    void aCopyOfTheDatabaseUnderAnotherServersKekCannotSignATokenThisServerAccepts() throws Exception {
        String kid = probe("signer-kid").body().strip();
        JsonObject row = json(probe("columns?table=signing_key&key=" + kid));
        assertTrue(row.getBoolean("sealed") && !row.getBoolean("clear"), "the row another server copies: " + row);

        assertEquals(
                "unopenable", probe("open-as-another-server?kid=" + kid).body().strip());

        // All such a server can sign with is a key of its own: under this server's kid and claims, refused.
        SignedJWT real = SignedJWT.parse(Api.tokenFor(owner));
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(kid)
                        .type(
                                real.getHeader().getType() == null
                                        ? JOSEObjectType.JWT
                                        : real.getHeader().getType())
                        .build(),
                new JWTClaimsSet.Builder(real.getJWTClaimsSet()).build());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        assertProblem(get("api/v1/auth/whoami", bearer(forged.serialize())), 401, "auth_invalid");
    }

    private Subscriber subscribe() {
        String name = "kek-" + UUID.randomUUID();
        HttpResponse<String> created = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + RECEIVER.url(name, null) + "\",\"events\":[\"webhook.test\"]}",
                auth);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = json(created);
        RECEIVER.expectSecrets(name, body.getString("secret"));
        return new Subscriber(name, body.getJsonObject("subscription").getString("id"));
    }

    private static JsonObject status() {
        HttpResponse<String> response = get(KEKS, asBootstrap());
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static HttpResponse<String> probe(String path) {
        return path.startsWith("reload")
                ? send("POST", "api/v1/_probe/secrets/" + path, BodyPublishers.noBody())
                : get("api/v1/_probe/secrets/" + path);
    }

    private static String kekId(Path file) throws Exception {
        byte[] kek = Base64.getDecoder().decode(Files.readString(file).strip());
        return HexFormat.of()
                .formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(kek), 8));
    }

    private static JsonObject secretsCheck(JsonObject readiness) {
        return Api.check(readiness, "secrets");
    }

    private static List<String> auditActions(Instant since) {
        assertEquals(
                200,
                send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap())
                        .statusCode());
        return json(get("api/v1/audit?action=secrets.kek&limit=500&since=" + since, asBootstrap()))
                .getJsonArray("data")
                .stream()
                .map(r -> r.asJsonObject().getString("action"))
                .toList();
    }

    private record Subscriber(String name, String id) {}
}
