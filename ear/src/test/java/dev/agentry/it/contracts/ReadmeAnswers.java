package dev.agentry.it.contracts;

import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.PublishedSchemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The answers the README's examples received, each checked whole against the schema {@code /schema/{id}} publishes
 * for its route, so an example whose output drifts from the contract fails, not only one whose jq check does.
 *
 * <p>The script's {@code curl} is {@link #RECORDER}, a function that runs the real one and keeps, per call, the
 * method, status, address and media type (written by {@code -w} to its own file) and the body. The route's schema
 * is the one the OpenAPI document names for that operation and status (its component carries the {@code $id} of the
 * published schema: OpenApiDocumentIT checks they are the same); a collection page is the collection-page envelope of
 * the collection's records. Every route's answer is checked this way: no route's schema is named by hand here.
 */
final class ReadmeAnswers {

    /** Defined before the README's blocks: records every call's answer in {@code $README_CALLS}. */
    static final String RECORDER = """
            curl() {
              local call status=0
              call="$README_CALLS/$(date +%s%N)-$BASHPID"
              command curl -w '%{stderr}README-CALL %{method} %{response_code} %{url_effective} %{content_type}\\n' \\
                "$@" 2>"$call.meta" | tee "$call.body" || status=$?
              grep -v '^README-CALL ' "$call.meta" >&2 || true
              return "$status"
            }
            """;

    /** Answers in a format a standard defines rather than this API, by path. */
    private static final Map<String, String> STANDARD = Map.of(
            "/.well-known/oauth-authorization-server", "RFC 8414 authorization server metadata",
            "/api/v1/auth/metadata", "RFC 8414 authorization server metadata",
            "/api/v1/auth/jwks", "a JWK Set (RFC 7517)",
            "/.well-known/oauth-protected-resource", "RFC 9728 protected resource metadata",
            "/api/v1/auth/protected-resource", "RFC 9728 protected resource metadata",
            "/api/v1/mcp", "JSON-RPC 2.0 messages of the Model Context Protocol, checked by McpIT with the SDK clients",
            "/api/v1/openapi.json", "the OpenAPI document, checked as OpenAPI",
            "/api/v1/schema/{id}", "a JSON Schema, checked against the meta-schema by ResponseSchemaIT");

    private static final String COMPONENTS = "#/components/schemas/";
    private static final String PROBLEM = "application/problem+json";
    /** Its errors are OAuth 2.0's own (RFC 6749, section 5.2), not problem documents. */
    private static final String TOKEN = "/api/v1/auth/token";

    private final JsonObject document = json(get("api/v1/openapi.json"));
    private final List<String> problems = new ArrayList<>();
    private int checked;

    /** Checks every recorded answer; returns what was wrong, one line per answer. */
    List<String> check(Path calls) throws IOException {
        try (Stream<Path> metas = Files.list(calls)) {
            for (Path meta : metas.filter(p -> p.toString().endsWith(".meta"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                check(meta, Path.of(meta.toString().replaceFirst("\\.meta$", ".body")));
            }
        }
        return problems;
    }

    /** How many answers were checked against a schema. */
    int checked() {
        return checked;
    }

    private void check(Path meta, Path bodyFile) throws IOException {
        Optional<String> call = Files.readAllLines(meta).stream()
                .filter(line -> line.startsWith("README-CALL "))
                .reduce((first, last) -> last);
        if (call.isEmpty()) {
            return; // the example writes out its own -w (a status code), not a body
        }
        String[] parts = call.get().split(" ", 5);
        String method = parts[1];
        int status = Integer.parseInt(parts[2]);
        URI address = URI.create(parts[3]);
        String mediaType = parts.length > 4 ? parts[4].replaceFirst(";.*", "").trim() : "";
        String body = Files.readString(bodyFile).strip();
        if (!mediaType.endsWith("json") || !(body.startsWith("{") || body.startsWith("["))) {
            return; // not a JSON answer, or one the example sent elsewhere (-o) or printed headers of (-D -)
        }
        String path = address.getPath().replaceFirst("^/api/(?!v1/)", "/api/v1/");
        String answer = method + " " + address.getPath() + " " + status;
        Optional<String> template = template(path);
        if (STANDARD.containsKey(path)
                || template.map(STANDARD::containsKey).orElse(false)
                || path.equals(TOKEN) && status >= 400) {
            return;
        }
        if (template.isEmpty() && mediaType.equals(PROBLEM)) {
            conforms(answer, "problem", body); // the README's own bad addresses
            return;
        }
        if (template.isEmpty()) {
            problems.add(answer + ": no such route in the OpenAPI document");
            return;
        }
        JsonObject operation = document.getJsonObject("paths")
                .getJsonObject(template.get())
                .getJsonObject(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            problems.add(answer + ": the document has no " + method + " " + template.get());
            return;
        }
        Optional<JsonObject> schema = schema(operation, status, mediaType);
        if (schema.isEmpty() && mediaType.equals(PROBLEM)) {
            conforms(answer, "problem", body);
        } else if (schema.isEmpty()) {
            problems.add(answer + ": the document names no schema for this answer");
        } else {
            conforms(answer, schema.get(), body);
        }
    }

    /** The body schema the operation documents for the status, with its references to components resolved. */
    private Optional<JsonObject> schema(JsonObject operation, int status, String mediaType) {
        JsonObject responses = operation.getJsonObject("responses");
        JsonValue response =
                responses.getOrDefault(String.valueOf(status), responses.getOrDefault("default", JsonValue.NULL));
        if (response == JsonValue.NULL) {
            return Optional.empty();
        }
        JsonObject resolved = resolve(response.asJsonObject(), "#/components/responses/", "responses");
        JsonObject content = resolved.getJsonObject("content");
        if (content == null || content.isEmpty()) {
            return Optional.empty();
        }
        JsonObject media = content.containsKey(mediaType)
                ? content.getJsonObject(mediaType)
                : content.values().iterator().next().asJsonObject();
        return Optional.ofNullable(media.getJsonObject("schema")).map(schema -> resolve(schema, COMPONENTS, "schemas"));
    }

    /**
     * The body conforms to the component schema: the published schema it is, a collection's page of records, or (a
     * wrapper the scanner described, such as {@code {"execution": …}}) each member that is a published contract.
     */
    private void conforms(String call, JsonObject schema, String body) {
        if (schema.containsKey("$id")) {
            conforms(call, schema.getString("$id"), body);
            return;
        }
        JsonObject members =
                schema.getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        JsonObject data =
                members.getOrDefault("data", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        if (!data.containsKey("items")) {
            JsonObject answer = (JsonObject) Api.structure(body);
            int before = checked;
            members.forEach((name, member) -> {
                JsonObject published = resolve(member.asJsonObject(), COMPONENTS, "schemas");
                if (published.containsKey("$id") && answer.containsKey(name)) {
                    conforms(call, published.getString("$id"), answer.get(name).toString());
                }
            });
            if (checked == before) {
                problems.add(call + ": its schema is not a published one: " + schema);
            }
            return;
        }
        JsonObject items = resolve(data.getJsonObject("items"), COMPONENTS, "schemas");
        if (!items.containsKey("$id")) {
            problems.add(call + ": its schema is not a published one: " + schema);
            return;
        }
        conforms(call, "envelope.collection-page", body);
        for (JsonValue record : ((JsonObject) Api.structure(body)).getJsonArray("data")) {
            conforms(call, items.getString("$id"), record.toString());
        }
    }

    private void conforms(String call, String schemaId, String body) {
        checked++;
        List<?> errors = PublishedSchemas.errors(schemaId, body);
        if (!errors.isEmpty()) {
            // The errors name members and locations; the body itself may hold a secret and stays out of the report.
            problems.add(call + " does not conform to " + schemaId + ": " + errors);
        }
    }

    private JsonObject resolve(JsonObject node, String prefix, String section) {
        if (!node.containsKey("$ref") || !node.getString("$ref").startsWith(prefix)) {
            return node;
        }
        String name = node.getString("$ref").substring(prefix.length());
        return document.getJsonObject("components").getJsonObject(section).getJsonObject(name);
    }

    /** The document's path template a concrete path matches, the one with the most literal segments first. */
    private Optional<String> template(String path) {
        return document.getJsonObject("paths").keySet().stream()
                .filter(template -> path.matches("\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E"))
                .min(Comparator.comparingLong(
                        template -> template.chars().filter(c -> c == '{').count()));
    }
}
