package dev.agentry.it.openapi;

import static dev.agentry.it.harness.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.it.harness.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract snapshot: the served OpenAPI document equals the committed copy, so any change to the
 * contract shows in review as a diff of that file (which the build also lints and generates a client
 * from). Keys are sorted so the file's order does not depend on the order the platform scans classes in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiSnapshotIT {

    /** Set (to true) to rewrite the committed snapshot from the served document instead of failing. */
    static final String REFRESH = "openapi.refresh";

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    @Test
    void theServedDocumentIsTheCommittedSnapshot() throws IOException {
        HttpResponse<String> response = get("api/v1/openapi.json");
        assertEquals(200, response.statusCode(), response.body());
        String served = canonical(withoutTestProbes(Api.json(response)));
        Path snapshot = Path.of(System.getProperty("it.openapi-snapshot"));

        if (Boolean.getBoolean(REFRESH)) {
            Files.writeString(snapshot, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(snapshot) ? Files.readString(snapshot, StandardCharsets.UTF_8) : "";
        assertEquals(
                committed,
                served,
                () -> "The served OpenAPI document differs from the committed contract " + snapshot
                        + ". If the change is intended, rewrite the snapshot with -D" + REFRESH
                        + "=true (mvn verify -pl ear -am -Dit.test=OpenApiSnapshotIT -D" + REFRESH
                        + "=true) and commit the diff.");
    }

    @Test
    void theApiServesTheModelThePlatformBuilt() {
        HttpResponse<String> platform = get("openapi?format=JSON", "Accept", "application/json");
        assertEquals(200, platform.statusCode(), platform.body());

        // Written by the API from the model the platform handed over, not fetched from the platform.
        JsonObject platformDocument = Api.json(platform);
        if (platformDocument.containsKey("externalDocs")
                && platformDocument.getJsonObject("externalDocs").isEmpty()) {
            // The platform's writer adds an empty externalDocs (invalid: url is required), which the API leaves out.
            platformDocument = Json.createObjectBuilder(platformDocument)
                    .remove("externalDocs")
                    .build();
        }
        assertEquals(canonical(platformDocument), canonical(Api.json(get("api/v1/openapi.json"))));
    }

    /** The suite deploys test probes (under {@code _probe}) beside the API; they are not part of the contract. */
    static JsonObject withoutTestProbes(JsonObject document) {
        JsonObjectBuilder paths = Json.createObjectBuilder();
        document.getJsonObject("paths").forEach((path, item) -> {
            if (!path.contains("/_probe")) {
                paths.add(path, item);
            }
        });
        return Json.createObjectBuilder(document).add("paths", paths).build();
    }

    /** The document pretty-printed with every object's keys sorted, ending in a newline. */
    static String canonical(JsonObject document) {
        StringWriter out = new StringWriter();
        PRETTY.createWriter(out).write(sorted(document));
        return out.toString().strip() + "\n";
    }

    private static JsonValue sorted(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder builder = Json.createObjectBuilder();
            new TreeMap<>(object).forEach((key, member) -> builder.add(key, sorted(member)));
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder builder = Json.createArrayBuilder();
            array.forEach(element -> builder.add(sorted(element)));
            return builder.build();
        }
        return value;
    }
}
