package dev.agentry.core.agents;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.TreeSet;

/**
 * An agent definition written as JSON ({@code agentry/agent/v1}), the same shape in files, in the API
 * and in storage; it reads back as an {@link AgentRequest}.
 */
final class AgentJson {

    public static final String SCHEMA = AgentRequest.SCHEMA;

    private AgentJson() {}

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
}
