package dev.agentry.it.secrets;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.SuiteDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After secrets are issued, rotated and used, none of them, nor any token, is in the database files,
 * the server's logs or the audit trail. The bootstrap secret is only in the file made for it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecretLeakIT {

    @Test
    void secretsAndTokensAppearNowhereTheServerWrites() throws Exception {
        JsonObject credential =
                createCredential("{\"name\":\"leak check\",\"owner\":\"it\",\"scopes\":[\"audit:read\"]}");
        String first = credential.getString("clientSecret");
        String firstToken = Api.tokenFor(credential);
        String second = json(Api.send(
                        "POST",
                        "api/v1/credentials/" + credential.getString("id") + "/rotate",
                        BodyPublishers.noBody(),
                        asBootstrap()))
                .getString("clientSecret");
        String secondToken = Api.token(credential.getString("clientId"), second, null);
        get("api/v1/auth/whoami", bearer(firstToken));
        get("api/v1/audit?limit=5", bearer(secondToken));
        Api.tokenRequest(credential.getString("clientId"), first.substring(0, 20) + "x" + first.substring(21), null);
        Api.send("POST", "api/v1/audit/verify", BodyPublishers.noBody(), asBootstrap());
        assertEquals(
                204,
                Api.send("POST", "api/v1/_probe/secrets/checkpoint", BodyPublishers.noBody())
                        .statusCode());
        // H2 writes the checkpoint to its file in the background: wait until the files show this test's rows.
        String marker = credential.getString("id");
        Eventually.await(
                "this test's rows in the database files",
                Duration.ofSeconds(30),
                SecretLeakIT::databaseFiles,
                written -> written.stream().anyMatch(file -> holds(file, marker)));

        Path server = Path.of(System.getProperty("it.server-dir"));
        String bootstrapSecret = Api.bootstrapCredential().getString("client_secret");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> data = Files.walk(Path.of(System.getProperty("it.data-dir")));
                Stream<Path> logs = Files.walk(server.resolve("log"))) {
            Stream.concat(data, logs)
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("bootstrap-credential.json"))
                    .filter(p -> !p.toString().contains("/content/")) // deployed archives
                    .forEach(files::add);
        }
        databaseFiles().stream().filter(p -> !files.contains(p)).forEach(files::add);
        assertTrue(files.stream().anyMatch(SuiteDatabase::holdsApplicationTables), "the database is scanned");
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("server.log")), "the log is scanned");

        List<String> leaks = new ArrayList<>();
        for (Path file : files) {
            String content = read(file);
            for (String secret : List.of(first, second, bootstrapSecret, firstToken, secondToken)) {
                if (content.contains(secret)) {
                    leaks.add(file + " holds " + secret.substring(0, 8) + "…");
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static List<Path> databaseFiles() {
        try {
            return SuiteDatabase.files();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holds(Path file, String text) {
        try {
            return read(file).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
