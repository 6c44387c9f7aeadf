package dev.agentry.core.agents;

import dev.agentry.core.policy.ScopeCatalog;
import dev.agentry.core.problem.JsonBody;
import dev.agentry.core.tools.ToolAction;
import dev.agentry.core.tools.ToolCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An agent definition as JSON ({@code agentry/agent/v1}), the same shape in files, in the API and
 * in storage. Reading checks every rule and reports every broken one at once.
 */
public final class AgentJson {

    public static final String SCHEMA = "agentry/agent/v1";

    static final Set<String> FIELDS = Set.of(
            "schema",
            "slug",
            "label",
            "description",
            "instructions",
            "provider",
            "model",
            "toolPolicy",
            "memoryPolicy",
            "permissionCeiling",
            "metadata");
    private static final Set<String> POLICY_FIELDS = Set.of("allow", "deny", "actions");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    public static final Set<String> PROVIDERS = Set.of("scripted");

    private AgentJson() {}

    /**
     * Reads a definition; with {@code base} given, the JSON is a patch: absent members keep the base's
     * value and the slug cannot change.
     *
     * @throws dev.agentry.core.problem.AgentryException {@code validation_failed} with every error
     */
    public static AgentDefinition read(JsonValue body, AgentDefinition base) {
        JsonBody json = JsonBody.of(body, FIELDS, "an agent field");
        String schema = json.string("schema");
        if (schema != null && !schema.equals(SCHEMA)) {
            json.reject("schema", "unsupported", "the schema is " + SCHEMA);
        }
        String slug = json.string("slug");
        if (base == null) {
            if (slug == null || !SLUG.matcher(slug).matches()) {
                json.reject("slug", "invalid", "a slug is 2 to 63 lowercase letters, digits and dashes, from a letter");
            }
        } else {
            if (slug != null && !slug.equals(base.slug())) {
                json.reject("slug", "immutable", "the slug of an agent cannot change");
            }
            slug = base.slug();
        }
        String label = text(json, "label", 200, base == null ? null : base.label(), base == null);
        String description = text(json, "description", 2000, base == null ? "" : base.description(), false);
        String instructions = text(json, "instructions", 20000, base == null ? "" : base.instructions(), false);
        String provider = text(json, "provider", 50, base == null ? "scripted" : base.provider(), false);
        if (provider != null && !PROVIDERS.contains(provider)) {
            json.reject("provider", "unknown", "the providers are " + new TreeSet<>(PROVIDERS));
        }
        String model = text(json, "model", 200, base == null ? "" : base.model(), false);
        ToolPolicy policy = json.has("toolPolicy")
                ? policy(json.object("toolPolicy", POLICY_FIELDS, "a tool policy field"))
                : base == null ? ToolPolicy.DENY_ALL : base.toolPolicy();
        JsonObject memory = json.has("memoryPolicy")
                ? json.freeObject("memoryPolicy")
                : base == null ? JsonValue.EMPTY_JSON_OBJECT : base.memoryPolicy();
        List<String> ceiling = json.strings("permissionCeiling");
        Set<String> scopes =
                ceiling == null ? (base == null ? Set.of() : base.permissionCeiling()) : new TreeSet<>(ceiling);
        if (ceiling != null) {
            for (int i = 0; i < ceiling.size(); i++) {
                if (ScopeCatalog.named(ceiling.get(i)).isEmpty()) {
                    json.reject("permissionCeiling[" + i + "]", "unknown_scope", "not a scope Agentry knows");
                }
            }
        }
        Map<String, String> metadata = json.has("metadata") ? json.stringMap("metadata") : null;
        if (metadata == null) {
            metadata = base == null ? Map.of() : base.metadata();
        }
        json.done();
        return new AgentDefinition(
                slug,
                label,
                description,
                instructions,
                provider,
                model,
                policy,
                memory == null ? JsonValue.EMPTY_JSON_OBJECT : memory,
                scopes,
                metadata);
    }

    public static JsonObject write(RegisteredAgent agent) {
        return write(agent.definition())
                .add("origin", agent.origin())
                .add("editable", agent.editable())
                .build();
    }

    public static JsonObjectBuilder write(AgentDefinition definition) {
        JsonObjectBuilder actions = Json.createObjectBuilder();
        definition.toolPolicy().actions().forEach((tool, action) -> actions.add(tool, action.wire()));
        JsonObjectBuilder metadata = Json.createObjectBuilder();
        definition.metadata().forEach(metadata::add);
        return Json.createObjectBuilder()
                .add("schema", SCHEMA)
                .add("slug", definition.slug())
                .add("label", definition.label())
                .add("description", definition.description())
                .add("instructions", definition.instructions())
                .add("provider", definition.provider())
                .add("model", definition.model())
                .add(
                        "toolPolicy",
                        Json.createObjectBuilder()
                                .add(
                                        "allow",
                                        Json.createArrayBuilder(
                                                definition.toolPolicy().allow()))
                                .add(
                                        "deny",
                                        Json.createArrayBuilder(
                                                definition.toolPolicy().deny()))
                                .add("actions", actions))
                .add("memoryPolicy", definition.memoryPolicy())
                .add("permissionCeiling", Json.createArrayBuilder(new TreeSet<>(definition.permissionCeiling())))
                .add("metadata", metadata);
    }

    private static ToolPolicy policy(JsonBody json) {
        if (json == null) {
            return ToolPolicy.DENY_ALL;
        }
        List<String> allow = selectors(json, "allow");
        List<String> deny = selectors(json, "deny");
        Map<String, ToolAction> actions = new LinkedHashMap<>();
        Map<String, String> given = json.stringMap("actions");
        if (given != null) {
            given.forEach((tool, action) -> {
                if (ToolCatalog.named(tool).isEmpty()) {
                    json.reject("actions." + tool, "unknown_tool", "not a tool Agentry has");
                }
                ToolAction.parse(action)
                        .ifPresentOrElse(
                                a -> actions.put(tool, a),
                                () -> json.reject(
                                        "actions." + tool, "invalid", "an action is direct, preview or forbidden"));
            });
        }
        return new ToolPolicy(allow, deny, actions);
    }

    private static List<String> selectors(JsonBody json, String field) {
        List<String> entries = json.strings(field);
        if (entries == null) {
            return List.of();
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!ToolCatalog.isSelector(entries.get(i))) {
                json.reject(field + "[" + i + "]", "unknown_tool", "neither a tool, a category nor *");
            }
        }
        return entries;
    }

    private static String text(JsonBody json, String field, int max, String fallback, boolean required) {
        String value = json.string(field);
        if (value == null) {
            if (required) {
                json.reject(field, "required", field + " is required");
            }
            return fallback;
        }
        if (value.isBlank() && required) {
            json.reject(field, "required", field + " is required");
        }
        if (value.length() > max) {
            json.reject(field, "too_long", field + " is at most " + max + " characters");
        }
        return value;
    }
}
