package dev.agentry.core.runs;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.memory.AgentMemory;
import dev.agentry.core.memory.MemoryEntryView;
import dev.agentry.core.memory.MemoryLayer;
import dev.agentry.core.memory.MemoryPlace;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.tools.MemoryAccess;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolOutcome;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One run's memory, governed by its agent's memory policy ({@code {"layers": [...], "write": bool}}):
 * the layers it names (none when it names none), written only when {@code write} is true. The
 * credential layer is the run's owner's, the session layer the owner's session of the task.
 */
final class RunMemory implements MemoryAccess {

    private final AgentMemory memory;
    private final String agent;
    private final String credentialId;
    private final String session;
    private final String actor;
    private final Set<MemoryLayer> layers = new LinkedHashSet<>();
    private final boolean writes;

    RunMemory(AgentMemory memory, String agent, JsonObject policy, String credentialId, String session, String runId) {
        this.memory = memory;
        this.agent = agent;
        this.credentialId = credentialId;
        this.session = session;
        this.actor = runId;
        if (policy != null && policy.get("layers") instanceof jakarta.json.JsonArray named) {
            named.forEach(v -> {
                if (v instanceof JsonString s) {
                    MemoryLayer.parse(s.getString()).ifPresent(layers::add);
                }
            });
        }
        this.writes = policy != null && policy.getBoolean("write", false);
    }

    @Override
    public ToolOutcome call(String tool, JsonObject args) {
        Optional<MemoryLayer> layer = args.containsKey("layer")
                ? MemoryLayer.parse(args.getString("layer", ""))
                : layers.stream().findFirst();
        if (layer.isEmpty() || !layers.contains(layer.get())) {
            return ToolOutcome.denied("The agent's memory policy allows the layers " + wire() + ".");
        }
        if (layer.get() == MemoryLayer.SESSION && session == null) {
            return ToolOutcome.error("no_session", "This run has no session: its task names no sessionId.");
        }
        boolean writing = tool.equals(ToolCatalog.MEMORY_WRITE) || tool.equals(ToolCatalog.MEMORY_DELETE);
        if (writing && !writes) {
            return ToolOutcome.denied("The agent's memory policy allows reading only.");
        }
        MemoryPlace place = MemoryPlace.of(layer.get(), agent, credentialId, session);
        String key = args.getString("key", null);
        String ifMatch = args.getString("ifMatch", null);
        try {
            return switch (tool) {
                case ToolCatalog.MEMORY_READ ->
                    memory.read(place, key)
                            .map(e -> ToolOutcome.ok(entry(e)))
                            .orElseGet(() -> ToolOutcome.error("not_found", "There is no memory entry with this key."));
                case ToolCatalog.MEMORY_WRITE ->
                    ToolOutcome.ok(entry(memory.write(place, key, args.get("value"), ifMatch, actor)
                            .entry()));
                case ToolCatalog.MEMORY_DELETE -> {
                    memory.delete(place, key, ifMatch);
                    yield ToolOutcome.ok(
                            Jsonp.createObjectBuilder().add("deleted", key).build());
                }
                default -> {
                    JsonArrayBuilder entries = Jsonp.createArrayBuilder();
                    memory.list(place, args.getString("prefix", null), 100, null)
                            .data()
                            .forEach(e -> entries.add(Jsonp.createObjectBuilder()
                                    .add("key", e.key())
                                    .add("hash", e.hash())
                                    .add("bytes", e.bytes())));
                    yield ToolOutcome.ok(
                            Jsonp.createObjectBuilder().add("entries", entries).build());
                }
            };
        } catch (AgentryException e) {
            // A stale ifMatch says the current hash in its detail: the model can read and try again.
            String detail = e.errors().isEmpty()
                    ? e.detail()
                    : e.detail() + " " + e.errors().get(0).field() + ": "
                            + e.errors().get(0).message() + ".";
            return ToolOutcome.error(e.code().code(), detail);
        }
    }

    private String wire() {
        return layers.isEmpty()
                ? "(none)"
                : String.join(", ", layers.stream().map(MemoryLayer::wire).toList());
    }

    private static JsonObject entry(MemoryEntryView entry) {
        return Jsonp.createObjectBuilder()
                .add("layer", entry.layer())
                .add("key", entry.key())
                .add("value", entry.value() == null ? JsonValue.NULL : entry.value())
                .add("hash", entry.hash())
                .build();
    }
}
