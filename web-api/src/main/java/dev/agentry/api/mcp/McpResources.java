package dev.agentry.api.mcp;

import dev.agentry.api.ApiApplication;
import dev.agentry.api.capabilities.CapabilitiesResource;
import dev.agentry.api.problem.ProblemClassifier;
import dev.agentry.api.runs.RunsResource;
import dev.agentry.core.catalog.CollectionReader;
import dev.agentry.core.catalog.CollectionRequest;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.TokenAudience;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.runs.RunArtifacts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MCP resources: each readable collection (its first page), {@code /capabilities}, and by template one record of
 * a collection and a run's artifact manifest. A resource's URI is its REST URL, so a client can fetch the same
 * thing either way; reading one asks the same boundary with the caller's grant as the route does.
 */
@RequestScoped
public class McpResources {

    /** MCP's code for a resource that is not there (or not the caller's to see). */
    static final int RESOURCE_NOT_FOUND = -32002;

    private static final String JSON = "application/json";
    private static final Pattern MANIFEST = Pattern.compile("runs/([^/]+)/artifacts");
    private static final Pattern RECORD = Pattern.compile("([a-z-]+)/([^/]+)");

    @Inject
    CatalogCollections collections;

    @Inject
    CollectionReader reader;

    @Inject
    RunArtifacts artifacts;

    @Inject
    CapabilitiesResource capabilities;

    @Inject
    TokenAudience audience;

    JsonObject list(Grant grant) {
        JsonArrayBuilder listed = Jsonp.createArrayBuilder();
        listed.add(resource(
                base() + "capabilities",
                "capabilities",
                "Every surface, route, scope, error code, event type, limit, flag and schema id this deployment"
                        + " serves"));
        for (CollectionDescriptor collection : readable(grant)) {
            listed.add(resource(
                    base() + collection.name(),
                    collection.name(),
                    collection.description() + ": the first page (the " + collection.name() + ".list tool pages on)"));
        }
        return Jsonp.createObjectBuilder().add("resources", listed).build();
    }

    JsonObject templates(Grant grant) {
        JsonArrayBuilder listed = Jsonp.createArrayBuilder();
        for (CollectionDescriptor collection : readable(grant)) {
            listed.add(Jsonp.createObjectBuilder()
                    .add("uriTemplate", base() + collection.name() + "/{id}")
                    .add("name", collection.itemName())
                    .add("description", "One record of " + collection.name() + " by id or uid")
                    .add("mimeType", JSON));
        }
        if (grant.holds(artifactsScope())) {
            listed.add(Jsonp.createObjectBuilder()
                    .add("uriTemplate", base() + "runs/{runId}/artifacts")
                    .add("name", "artifact-manifest")
                    .add("description", "The sealed bundle's manifest of a run: every file with its size and SHA-256")
                    .add("mimeType", JSON));
        }
        return Jsonp.createObjectBuilder().add("resourceTemplates", listed).build();
    }

    JsonObject read(Grant grant, JsonObject params) {
        if (!(params.get("uri") instanceof JsonString given)) {
            throw JsonRpcError.invalidParams("resources/read needs the resource's uri.");
        }
        String uri = given.getString();
        String path = uri.startsWith(base()) ? uri.substring(base().length()) : null;
        JsonValue content = McpJson.of(answer(grant, path).get());
        return Jsonp.createObjectBuilder()
                .add(
                        "contents",
                        Jsonp.createArrayBuilder()
                                .add(Jsonp.createObjectBuilder()
                                        .add("uri", uri)
                                        .add("mimeType", JSON)
                                        .add("text", content.toString())))
                .build();
    }

    private Supplier<Object> answer(Grant grant, String path) {
        if (path == null) {
            throw notFound();
        }
        if (path.equals("capabilities")) {
            return capabilities::capabilities;
        }
        Matcher manifest = MANIFEST.matcher(path);
        if (manifest.matches()) {
            requireScope(grant, artifactsScope());
            return () -> refusalsAsErrors(() -> artifacts.manifest(grant, manifest.group(1)));
        }
        Optional<CollectionDescriptor> whole = collections.named(path);
        if (whole.isPresent()) {
            requireScope(grant, whole.get().readScope());
            return () -> refusalsAsErrors(
                    () -> reader.page(path, new CollectionRequest(null, null, null, null, null, List.of()), grant));
        }
        Matcher record = RECORD.matcher(path);
        if (record.matches() && collections.named(record.group(1)).isPresent()) {
            requireScope(grant, collections.named(record.group(1)).get().readScope());
            return () -> refusalsAsErrors(() -> reader.one(record.group(1), record.group(2), null, grant));
        }
        throw notFound();
    }

    private static void requireScope(Grant grant, String scope) {
        if (!grant.holds(scope)) {
            throw JsonRpcError.answered(
                    JsonRpcError.INVALID_PARAMS,
                    ErrorCode.SCOPE_DENIED,
                    "This resource needs the " + scope + " scope.");
        }
    }

    /** A core refusal (not found, invalid id) as the JSON-RPC error a resource read answers with. */
    private static Object refusalsAsErrors(Supplier<Object> read) {
        try {
            return read.get();
        } catch (RuntimeException failure) {
            ProblemClassifier.Classification refused = ProblemClassifier.classify(failure);
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw notFound();
            }
            if (refused.code() == ErrorCode.INTERNAL) {
                throw failure;
            }
            throw JsonRpcError.answered(JsonRpcError.INVALID_PARAMS, refused.code(), refused.detail());
        }
    }

    private static JsonRpcError notFound() {
        return JsonRpcError.answered(RESOURCE_NOT_FOUND, ErrorCode.NOT_FOUND, "There is no such resource.");
    }

    private List<CollectionDescriptor> readable(Grant grant) {
        return collections.all().stream().filter(grant::reads).toList();
    }

    /** The scope of the REST route the manifest template stands for. */
    private static String artifactsScope() {
        return RestTwin.of(RunsResource.class, "manifest").scopes().get(0);
    }

    /** The REST URL every resource URI starts with: the public URL and the API root. */
    private String base() {
        String root = audience.issuer().endsWith("/") ? audience.issuer() : audience.issuer() + "/";
        return root + "api" + ApiApplication.PATH + "/";
    }

    private static JsonObject resource(String uri, String name, String description) {
        return Jsonp.createObjectBuilder()
                .add("uri", uri)
                .add("name", name)
                .add("description", description)
                .add("mimeType", JSON)
                .build();
    }
}
