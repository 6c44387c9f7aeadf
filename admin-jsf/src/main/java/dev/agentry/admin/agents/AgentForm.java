package dev.agentry.admin.agents;

import dev.agentry.core.agents.AgentRequest;
import dev.agentry.core.agents.AgentView;
import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent form as the admin typed it: tool selectors one to a line, a tool's action and a metadata
 * entry as {@code name = value} lines, the permission ceiling as chosen scopes, the memory policy as the
 * layers ticked and whether runs may write. The core checks everything it would check for the API; this
 * only turns the text into its request, and reports the lines it cannot read as pairs itself.
 */
public class AgentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The memory policy's members this form edits; any other member of a stored policy is kept as it is. */
    static final String LAYERS = "layers";

    static final String WRITE = "write";

    private String slug;
    private String label;
    private String description;
    private String instructions;
    private String provider = "scripted";
    private String model;
    private String allow = "";
    private String deny = "";
    private String actions = "";
    private List<String> ceiling = new ArrayList<>();
    private List<String> memoryLayers = new ArrayList<>();
    private boolean memoryWrite;
    private String metadata = "";

    /** The stored memory policy's other members, as JSON text (a JSON object is not serializable itself). */
    private String memoryRest = "{}";

    static AgentForm of(AgentView agent) {
        AgentForm form = new AgentForm();
        form.slug = agent.slug();
        form.label = agent.label();
        form.description = agent.description();
        form.instructions = agent.instructions();
        form.provider = agent.provider();
        form.model = agent.model();
        form.allow = String.join("\n", agent.toolPolicy().allow());
        form.deny = String.join("\n", agent.toolPolicy().deny());
        form.actions = pairs(agent.toolPolicy().actions());
        form.ceiling = new ArrayList<>(agent.permissionCeiling());
        form.metadata = pairs(agent.metadata());
        Map<String, Object> memory = new LinkedHashMap<>(agent.memoryPolicy());
        if (memory.remove(LAYERS) instanceof List<?> layers) {
            layers.forEach(layer -> form.memoryLayers.add(String.valueOf(layer)));
        }
        form.memoryWrite = Boolean.TRUE.equals(memory.remove(WRITE));
        form.memoryRest = Jsonp.createObjectBuilder(memory).build().toString();
        return form;
    }

    /**
     * What creating the agent asks for (with its slug) or saving it asks for (without: the slug never
     * changes): every member the form shows, each replacing the agent's. Only after {@link #problems()}
     * found none.
     */
    AgentRequest request(boolean creating) {
        return new AgentRequest(
                null,
                creating ? slug : null,
                label,
                description,
                instructions,
                provider,
                model,
                new AgentRequest.AgentPolicy(lines(allow), lines(deny), entries(actions)),
                memoryPolicy(),
                List.copyOf(ceiling),
                entries(metadata));
    }

    /** The memory policy: the other members as stored, the layers and whether runs write as chosen here. */
    JsonObject memoryPolicy() {
        JsonObjectBuilder policy;
        try (JsonReader reader = Jsonp.createReader(new StringReader(memoryRest))) {
            policy = Jsonp.createObjectBuilder(reader.readObject());
        }
        JsonArrayBuilder layers = Jsonp.createArrayBuilder();
        memoryLayers.forEach(layers::add);
        return policy.add(LAYERS, layers)
                .add(WRITE, memoryWrite ? JsonValue.TRUE : JsonValue.FALSE)
                .build();
    }

    /** The stored memory policy's members this form does not edit, as JSON text ({@code {}} for none). */
    String otherMemorySettings() {
        return memoryRest;
    }

    /**
     * The console's own checks, as input id to the 1-based lines it cannot read: a pair without its
     * {@code =}, or a name given twice (the second would silently win). Empty when fine.
     */
    Map<String, List<Integer>> problems() {
        Map<String, List<Integer>> problems = new LinkedHashMap<>();
        List<Integer> badActions = unreadable(actions);
        if (!badActions.isEmpty()) {
            problems.put("actions", badActions);
        }
        List<Integer> badMetadata = unreadable(metadata);
        if (!badMetadata.isEmpty()) {
            problems.put("metadata", badMetadata);
        }
        return problems;
    }

    /** The lines of a text area, trimmed, blank ones dropped; line numbers are kept by position. */
    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The 1-based line of the text area that the n-th non-blank entry came from. */
    static int lineOf(String text, int entry) {
        List<String> raw = text == null ? List.of() : text.lines().toList();
        int seen = -1;
        for (int i = 0; i < raw.size(); i++) {
            if (!raw.get(i).isBlank() && ++seen == entry) {
                return i + 1;
            }
        }
        return entry + 1;
    }

    /** The 1-based line of the text area that names {@code name}, or 0. */
    static int lineNaming(String text, String name) {
        List<String> raw = text == null ? List.of() : text.lines().toList();
        for (int i = 0; i < raw.size(); i++) {
            int split = raw.get(i).indexOf('=');
            if (split > 0 && raw.get(i).substring(0, split).strip().equals(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** {@code name = value} lines as a map, in the order written. */
    static Map<String, String> entries(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int split = line.indexOf('=');
            if (split > 0) {
                entries.put(
                        line.substring(0, split).strip(),
                        line.substring(split + 1).strip());
            }
        }
        return entries;
    }

    private static List<Integer> unreadable(String text) {
        List<Integer> bad = new ArrayList<>();
        List<String> raw = text == null ? List.of() : text.lines().toList();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int split = line.indexOf('=');
            String name = split > 0 ? line.substring(0, split).strip() : "";
            if (name.isEmpty() || seen.contains(name)) {
                bad.add(i + 1);
            }
            seen.add(name);
        }
        return bad;
    }

    private static String pairs(Map<String, String> map) {
        StringBuilder text = new StringBuilder();
        map.forEach((name, value) -> text.append(text.isEmpty() ? "" : "\n")
                .append(name)
                .append(" = ")
                .append(value));
        return text.toString();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug == null ? null : slug.strip();
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getInstructions() {
        return instructions;
    }

    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getAllow() {
        return allow;
    }

    public void setAllow(String allow) {
        this.allow = allow;
    }

    public String getDeny() {
        return deny;
    }

    public void setDeny(String deny) {
        this.deny = deny;
    }

    public String getActions() {
        return actions;
    }

    public void setActions(String actions) {
        this.actions = actions;
    }

    public List<String> getCeiling() {
        return ceiling;
    }

    public void setCeiling(List<String> ceiling) {
        this.ceiling = ceiling == null ? new ArrayList<>() : new ArrayList<>(ceiling);
    }

    public List<String> getMemoryLayers() {
        return memoryLayers;
    }

    public void setMemoryLayers(List<String> memoryLayers) {
        this.memoryLayers = memoryLayers == null ? new ArrayList<>() : new ArrayList<>(memoryLayers);
    }

    public boolean isMemoryWrite() {
        return memoryWrite;
    }

    public void setMemoryWrite(boolean memoryWrite) {
        this.memoryWrite = memoryWrite;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }
}
