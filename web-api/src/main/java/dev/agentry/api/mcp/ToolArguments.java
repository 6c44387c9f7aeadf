package dev.agentry.api.mcp;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The arguments of the MCP tools whose REST twins take query or path parameters rather than a body. Each is
 * published under {@code /schema/mcp.*} (ApiContracts) and is the tool's {@code inputSchema}; the REST route's
 * parameters keep their meaning and bounds.
 */
public final class ToolArguments {

    private ToolArguments() {}

    @Doc("A page of one collection: the parameters of GET /api/v1/{collection}")
    public record CollectionQuery(
            @Min(1) @Max(200) @Doc("Page size, 1-200; 50 when absent")
            Integer limit,

            @Size(max = 2000) @Doc("nextCursor of the previous page")
            String cursor,

            @Doc("ISO-8601; records updated at or after it") Instant updatedSince,

            @Size(max = 200) @Doc("Text searched in the collection's searchable fields")
            String q,

            @Size(max = 1000) @Doc("Comma-separated projection")
            String fields,

            @Size(max = 20) @Doc("Each field:value (exact, * wildcard) or field~value (contains)")
            List<@Size(max = 500) String> filter) {}

    @Doc("One record of a collection by id or uid (orders also by number): GET /api/v1/{collection}/{id}")
    public record RecordRef(
            @NotBlank(message = "is required") @Size(max = 200) @Doc("The record's id or uid")
            String id,

            @Size(max = 1000) @Doc("Comma-separated projection")
            String fields) {}

    @Doc("A page of the changes feed: the parameters of GET /api/v1/changes")
    public record ChangesQuery(
            @Size(max = 2000) @Doc("nextCursor (or an item's cursor) of a previous page")
            String cursor,

            @Size(max = 1000) @Doc("Comma-separated collection names")
            String types,

            @Min(1) @Max(200) @Doc("Page size, 1-200; 50 when absent")
            Integer limit) {}

    @Doc("One published JSON Schema: GET /api/v1/schema/{id}")
    public record SchemaRef(
            @NotBlank(message = "is required") @Size(max = 200) @Doc("The schema id, as /schema lists it")
            String id) {}

    @Doc("One run of the caller's (any run with runs:admin)")
    public record RunRef(
            @NotBlank(message = "is required") @Size(max = 64) @Doc("The run's id")
            String runId) {}

    @Doc("A run started from a task template: what POST /api/v1/runs takes as {template, parameters}")
    public record TemplateStart(
            @NotBlank(message = "is required") @Size(max = 200) @Doc("The template's id, as /templates lists it")
            String template,

            @Doc("The template's parameters by name; each is checked against the template's own rules")
            JsonObject parameters) {

        /** What REST takes as the body of such a run. */
        JsonObject asBody() {
            JsonObjectBuilder body = Jsonp.createObjectBuilder().add("template", template);
            if (parameters != null) {
                body.add("parameters", parameters);
            }
            return body.build();
        }
    }

    @Doc("The caller's checkpoint of one consumer and collection: GET /api/v1/sync-state/checkpoint")
    public record CheckpointRef(
            @NotBlank(message = "is required") @Size(max = 200) @Doc("The consumer's name")
            String consumer,

            @NotBlank(message = "is required") @Size(max = 200) @Doc("The collection it reads")
            String resourceType) {}
}
