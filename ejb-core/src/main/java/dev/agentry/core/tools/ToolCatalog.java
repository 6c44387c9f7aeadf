package dev.agentry.core.tools;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The built-in tools. A new tool is one descriptor here and one branch in {@link ToolExecutor}. */
public final class ToolCatalog {

    public static final String WORKSPACE_LIST = "workspace.list";
    public static final String WORKSPACE_READ = "workspace.read";
    public static final String WORKSPACE_WRITE = "workspace.write";
    public static final String WORKSPACE_SEARCH = "workspace.search";
    public static final String WORKSPACE_DELETE = "workspace.delete";
    public static final String VERIFY_RUN = "verify.run";
    public static final String CATALOG_READ = "catalog.read";
    public static final String CATALOG_WRITE = "catalog.write";
    public static final String MEMORY_READ = "memory.read";
    public static final String MEMORY_WRITE = "memory.write";
    public static final String MEMORY_LIST = "memory.list";
    public static final String MEMORY_DELETE = "memory.delete";

    public static final List<ToolDescriptor> ALL = List.of(
            new ToolDescriptor(
                    WORKSPACE_LIST,
                    "workspace",
                    "List files under a workspace directory",
                    schema(
                            Map.of(
                                    "path",
                                    string("Directory relative to the workspace; default the root"),
                                    "recursive",
                                    Jsonp.createObjectBuilder().add("type", "boolean")),
                            Set.of()),
                    false),
            new ToolDescriptor(
                    WORKSPACE_READ,
                    "workspace",
                    "Read a UTF-8 text file of the workspace (at most 1 MiB)",
                    schema(Map.of("path", string("File relative to the workspace")), Set.of("path")),
                    false),
            new ToolDescriptor(
                    WORKSPACE_WRITE,
                    "workspace",
                    "Create or replace a workspace file with UTF-8 text",
                    schema(
                            Map.of(
                                    "path",
                                    string("File relative to the workspace"),
                                    "content",
                                    string("The whole new content")),
                            Set.of("path", "content")),
                    false),
            new ToolDescriptor(
                    WORKSPACE_SEARCH,
                    "workspace",
                    "Find lines containing a text, under a workspace directory",
                    schema(
                            Map.of(
                                    "query",
                                    string("Literal text to find"),
                                    "path",
                                    string("Directory; default the root")),
                            Set.of("query")),
                    false),
            new ToolDescriptor(
                    WORKSPACE_DELETE,
                    "workspace",
                    "Delete a workspace file or empty directory",
                    schema(Map.of("path", string("File relative to the workspace")), Set.of("path")),
                    false),
            new ToolDescriptor(
                    VERIFY_RUN,
                    "verify",
                    "Run a verify step the operator declared, by name",
                    schema(Map.of("step", string("The verify step's name")), Set.of("step")),
                    false),
            new ToolDescriptor(
                    CATALOG_READ,
                    "catalog",
                    "Read catalog records with the run's effective scopes",
                    schema(
                            Map.of(
                                    "collection",
                                    string("Collection name"),
                                    "id",
                                    string("One record's id"),
                                    "limit",
                                    Jsonp.createObjectBuilder()
                                            .add("type", "integer")
                                            .add("minimum", 1)
                                            .add("maximum", 100)),
                            Set.of("collection")),
                    true),
            new ToolDescriptor(
                    CATALOG_WRITE,
                    "control",
                    "Change the catalog through a governed action (see the actions in /capabilities): run at once"
                            + " where the agent's policy says direct and no approval is needed, proposed for"
                            + " approval where it says preview",
                    schema(
                            Map.of(
                                    "action",
                                    string("The action's name, e.g. entry.update"),
                                    "input",
                                    Jsonp.createObjectBuilder()
                                            .add("type", "object")
                                            .add("description", "The action's input, by its schema action.<name>"),
                                    "reason",
                                    string("Why, for the approvers")),
                            Set.of("action", "input")),
                    true),
            new ToolDescriptor(
                    MEMORY_READ,
                    "memory",
                    "Read a memory entry by key: its JSON value and its hash",
                    schema(Map.of("key", string("The entry's key"), "layer", layer()), Set.of("key")),
                    false),
            new ToolDescriptor(
                    MEMORY_WRITE,
                    "memory",
                    "Write a memory entry, compare-and-swap: ifMatch is the hash it must still have (omit to create)",
                    schema(
                            Map.of(
                                    "key",
                                    string("The entry's key"),
                                    "value",
                                    Jsonp.createObjectBuilder().add("description", "Any JSON value"),
                                    "ifMatch",
                                    string("The hash the entry must still have; omit to create it"),
                                    "layer",
                                    layer()),
                            Set.of("key", "value")),
                    false),
            new ToolDescriptor(
                    MEMORY_LIST,
                    "memory",
                    "List memory entries: keys, hashes and sizes (at most 100)",
                    schema(Map.of("prefix", string("Only keys starting with this"), "layer", layer()), Set.of()),
                    false),
            new ToolDescriptor(
                    MEMORY_DELETE,
                    "memory",
                    "Delete a memory entry; with ifMatch only if it still has that hash",
                    schema(
                            Map.of(
                                    "key",
                                    string("The entry's key"),
                                    "ifMatch",
                                    string("The hash the entry must still have"),
                                    "layer",
                                    layer()),
                            Set.of("key")),
                    false));

    private static final Map<String, ToolDescriptor> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ToolDescriptor::name, Function.identity()));

    public static final Set<String> CATEGORIES =
            ALL.stream().map(ToolDescriptor::category).collect(Collectors.toUnmodifiableSet());

    private ToolCatalog() {}

    public static Optional<ToolDescriptor> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether a policy entry names something: a tool, a category, or {@code *}. */
    public static boolean isSelector(String entry) {
        return entry.equals("*") || BY_NAME.containsKey(entry) || CATEGORIES.contains(entry);
    }

    private static JsonObjectBuilder layer() {
        return string("agent, credential or session; default the first the agent's memory policy names");
    }

    private static JsonObjectBuilder string(String description) {
        return Jsonp.createObjectBuilder().add("type", "string").add("description", description);
    }

    private static JsonObject schema(Map<String, JsonObjectBuilder> properties, Set<String> required) {
        JsonObjectBuilder props = Jsonp.createObjectBuilder();
        properties.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> props.add(e.getKey(), e.getValue()));
        var requiredArray = Jsonp.createArrayBuilder();
        required.stream().sorted().forEach(requiredArray::add);
        return Jsonp.createObjectBuilder()
                .add("$schema", "https://json-schema.org/draft/2020-12/schema")
                .add("type", "object")
                .add("additionalProperties", false)
                .add("properties", props)
                .add("required", requiredArray)
                .build();
    }
}
