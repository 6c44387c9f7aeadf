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

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.SuiteDatabase;
import dev.agentry.it.harness.WebhookReceiver;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets at rest (issue 23): signing keys' private keys and webhook secrets are only in the database
 * sealed under a key-encryption key kept outside it, while tokens and deliveries still verify. The
 * canary runs first: the later tests write clear rows on purpose, as an older version did.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsAtRestIT {

    private static final WebhookReceiver RECEIVER = WebhookReceiver.get();

    /** The start of every 2048-bit RSA private key's PKCS#8 DER (rsaEncryption, then the key's OCTET STRING). */
    private static final byte[] PKCS8_RSA_HEADER = HexFormat.of().parseHex("300d06092a864886f70d0101010500048204");

    private final JsonObject owner = Api.createCredential("{\"name\":\"at-rest-" + UUID.randomUUID()
            + "\",\"owner\":\"it\",\"scopes\":[\"webhooks:manage\"],\"eventInterests\":[\"webhook.test\"]}");
    private final String[] auth = bearer(Api.tokenFor(owner));

    @Test
    @Order(1)
    void noPrivateKeyAndNoWebhookSecretIsInTheDatabaseFilesWhileTokensAndDeliveriesVerify() throws Exception {
        String firstKey = signer();
        String before = Api.tokenFor(owner);
        HttpResponse<String> rotated =
                send("POST", "api/v1/auth/signing-keys/rotate", BodyPublishers.noBody(), asBootstrap());
        assertEquals(200, rotated.statusCode(), rotated.body());
        Instant signsFrom = Instant.parse(json(rotated).getString("signsFrom"));
        // The successor signs from signsFrom on (announced ahead); wait for that, not for a fixed time.
        String secondKey = Eventually.await(
                "the successor signing (from " + signsFrom + ")",
                Duration.between(Instant.now(), signsFrom).plusSeconds(30),
                SecretsAtRestIT::signer,
                current -> !current.equals(firstKey));
        assertNotEquals(firstKey, secondKey, "the successor signs now");
        String after = Api.tokenFor(owner);
        assertEquals(200, get("api/v1/auth/whoami", bearer(before)).statusCode(), "the old key's token verifies");
        assertEquals(200, get("api/v1/auth/whoami", bearer(after)).statusCode(), "the new key's token verifies");

        String name = "at-rest-" + UUID.randomUUID();
        JsonObject created = subscribe(name);
        String id = created.getJsonObject("subscription").getString("id");
        String old = created.getString("secret");
        String fresh = json(send(
                        "POST",
                        "api/v1/webhooks/subscriptions/" + id + "/rotate-secret",
                        BodyPublishers.noBody(),
                        auth))
                .getString("secret");
        String other = subscribe("at-rest-other-" + UUID.randomUUID()).getString("secret");
        RECEIVER.expectSecrets(name, old, fresh);
        assertEquals(
                202,
                send("POST", "api/v1/webhooks/subscriptions/" + id + "/test", BodyPublishers.noBody(), auth)
                        .statusCode());
        JsonObject delivery = RECEIVER.await(name, d -> !d.isEmpty()).get(0);
        assertTrue(verified(delivery, 0) && verified(delivery, 1), "both secrets verify: " + delivery);

        assertEquals(
                204,
                send("POST", "api/v1/_probe/secrets/checkpoint", BodyPublishers.noBody())
                        .statusCode());
        // H2 writes the checkpoint to its file in the background: wait until the files show this test's rows.
        List<Path> files = Eventually.await(
                "this test's sealed rows in the database files",
                Duration.ofSeconds(30),
                SecretsAtRestIT::dataFilesUnchecked,
                written -> holds(written, id) && holds(written, "v1.A256KW.A256GCM."));
        assertTrue(files.stream().anyMatch(SuiteDatabase::holdsApplicationTables), "the database is scanned");
        assertTrue(
                anyHolds(files, id.getBytes(StandardCharsets.US_ASCII))
                        && anyHolds(files, "v1.A256KW.A256GCM.".getBytes(StandardCharsets.US_ASCII)),
                "the files already hold the rows this test wrote, sealed: the scan would see clear ones");
        List<byte[]> needles = new ArrayList<>();
        for (String key : List.of(firstKey, secondKey)) {
            needles.add(key.getBytes(StandardCharsets.US_ASCII));
            needles.add(key.substring(64, 128).getBytes(StandardCharsets.US_ASCII));
            needles.add(Arrays.copyOfRange(Base64.getDecoder().decode(key), 40, 120));
        }
        for (String secret : List.of(old, fresh, other)) {
            needles.add(secret.getBytes(StandardCharsets.US_ASCII));
            needles.add(secret.substring("whsec_".length()).getBytes(StandardCharsets.US_ASCII));
        }
        needles.add("whsec_".getBytes(StandardCharsets.US_ASCII));
        needles.add("PRIVATE KEY".getBytes(StandardCharsets.US_ASCII));
        needles.add("9w0BAQEFAASC".getBytes(StandardCharsets.US_ASCII)); // Base64 of the PKCS#8 RSA header
        needles.add(PKCS8_RSA_HEADER);
        List<String> leaks = new ArrayList<>();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (int n = 0; n < needles.size(); n++) {
                if (indexOf(content, needles.get(n)) >= 0) {
                    leaks.add(file + " holds needle " + n);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    @Order(2)
    void readinessNamesTheKekInUseWhoseFileOnlyTheServersUserReads() throws Exception {
        Path file = Path.of(System.getProperty("it.data-dir"), "agentry", "secrets-kek.key");
        byte[] kek = Base64.getDecoder().decode(Files.readString(file).strip());
        String kekId = HexFormat.of()
                .formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(kek), 8));

        JsonObject secrets = secretsCheck(json(get("api/v1/readiness")));

        assertEquals("UP", secrets.getString("status"));
        assertEquals(kekId, secrets.getJsonObject("data").getString("kekId"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    @Order(3)
    void rowsAnOlderVersionStoredInTheClearAreSealedOnceAndStillSign() throws Exception {
        String name = "legacy-" + UUID.randomUUID();
        String secret = newWebhookSecret();
        String previous = newWebhookSecret();
        String uid = probe(
                "POST",
                "clear-subscription?credentialId=" + owner.getString("id") + "&url="
                        + URLEncoder.encode(RECEIVER.url(name, null), StandardCharsets.UTF_8) + "&secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&previous="
                        + URLEncoder.encode(previous, StandardCharsets.UTF_8));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String kid = probe(
                "POST",
                "clear-signing-key?publicKey="
                        + URLEncoder.encode(
                                Base64.getEncoder()
                                        .encodeToString(pair.getPublic().getEncoded()),
                                StandardCharsets.UTF_8)
                        + "&privateKey="
                        + URLEncoder.encode(
                                Base64.getEncoder()
                                        .encodeToString(pair.getPrivate().getEncoded()),
                                StandardCharsets.UTF_8));
        assertTrue(columns("webhook_subscription", uid).getBoolean("clear"));
        assertEquals("DOWN", secretsCheck(json(get("api/v1/readiness"))).getString("status"), "clear rows remain");

        assertTrue(Integer.parseInt(probe("POST", "seal")) >= 2, "both rows sealed");

        String kekId = secretsCheck(json(get("api/v1/readiness")))
                .getJsonObject("data")
                .getString("kekId");
        for (JsonObject row : List.of(columns("webhook_subscription", uid), columns("signing_key", kid))) {
            assertFalse(row.getBoolean("clear"), row.toString());
            assertTrue(row.getBoolean("sealed"), row.toString());
            assertEquals(kekId, row.getString("kekId"));
        }
        assertTrue(columns("webhook_subscription", uid).getBoolean("previousSealed"));
        assertEquals("0", probe("POST", "seal"), "sealing again finds nothing left");
        assertEquals(200, get("api/v1/readiness").statusCode());

        RECEIVER.expectSecrets(name, secret, previous);
        assertEquals(
                202,
                send("POST", "api/v1/webhooks/subscriptions/" + uid + "/test", BodyPublishers.noBody(), auth)
                        .statusCode());
        JsonObject delivery = RECEIVER.await(name, d -> !d.isEmpty()).get(0);
        assertTrue(verified(delivery, 0) && verified(delivery, 1), "the migrated secrets sign: " + delivery);
    }

    @Test
    @Order(4)
    void aRowSealedUnderAKekThisServerLacksFailsReadinessClearlyAndItsRequestsAre503() throws Exception {
        String[] foreign = probe(
                        "POST",
                        "foreign-subscription?credentialId=" + owner.getString("id") + "&url="
                                + URLEncoder.encode(
                                        RECEIVER.url("foreign-" + UUID.randomUUID(), null), StandardCharsets.UTF_8))
                .split(" ");
        String uid = foreign[0];
        String foreignKek = foreign[1];
        try {
            JsonObject problem = assertProblem(get("api/v1/readiness"), 503, "service_unavailable");
            assertTrue(problem.getString("detail").contains("secrets"), problem.getString("detail"));
            JsonObject secrets = secretsCheck(problem);
            assertEquals("DOWN", secrets.getString("status"));
            assertTrue(secrets.getJsonObject("data").getString("message").contains(foreignKek), secrets.toString());
            assertProblem(get("api/v1/readiness"), 503, "service_unavailable");

            for (int i = 0; i < 2; i++) {
                assertProblem(
                        send(
                                "POST",
                                "api/v1/webhooks/subscriptions/" + uid + "/rotate-secret",
                                BodyPublishers.noBody(),
                                auth),
                        503,
                        "service_unavailable");
            }
            assertEquals(200, get("api/v1/auth/whoami", auth).statusCode(), "other secrets still open");
        } finally {
            send("DELETE", "api/v1/_probe/secrets/subscription?uid=" + uid, BodyPublishers.noBody());
        }
        assertEquals(200, get("api/v1/readiness").statusCode());
        List<String> said =
                serverLog().stream().filter(l -> l.contains(foreignKek)).toList();
        assertEquals(2, said.size(), "one line from readiness, one from the refused request: " + said);
        for (String line : said) {
            Api.assertNoStackTrace(line);
        }
    }

    private JsonObject subscribe(String name) {
        HttpResponse<String> created = postJson(
                "api/v1/webhooks/subscriptions",
                "{\"url\":\"" + RECEIVER.url(name, null) + "\",\"events\":[\"webhook.test\"]}",
                auth);
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    private static String signer() {
        HttpResponse<String> response = get("api/v1/_probe/secrets/signer");
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    private static String probe(String method, String path) {
        HttpResponse<String> response = send(method, "api/v1/_probe/secrets/" + path, BodyPublishers.noBody());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    private static JsonObject columns(String table, String key) {
        return json(get("api/v1/_probe/secrets/columns?table=" + table + "&key=" + key));
    }

    private static JsonObject secretsCheck(JsonObject readiness) {
        return Api.check(readiness, "secrets");
    }

    private static boolean verified(JsonObject delivery, int secret) {
        return delivery.getJsonArray("verdicts").getJsonObject(secret).getBoolean("ok");
    }

    private static String newWebhookSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static List<Path> dataFiles() throws IOException {
        // The files of both databases (the application's and the job repository's); run workspaces and
        // seeds hold the operators' own files, not the server's secrets.
        return SuiteDatabase.files();
    }

    private static List<Path> dataFilesUnchecked() {
        try {
            return dataFiles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holds(List<Path> files, String text) {
        try {
            return anyHolds(files, text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> serverLog() throws IOException {
        return Files.readAllLines(
                Path.of(System.getProperty("it.server-dir"), "log", "server.log"), StandardCharsets.UTF_8);
    }

    private static boolean anyHolds(List<Path> files, byte[] needle) throws IOException {
        for (Path file : files) {
            if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
