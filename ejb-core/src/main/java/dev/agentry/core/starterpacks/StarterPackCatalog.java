package dev.agentry.core.starterpacks;

import dev.agentry.core.Boundary;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** The starter packs the application ships, and how a credential request takes one. */
@Boundary
@ApplicationScoped
public class StarterPackCatalog {

    static final List<StarterPack> ALL = List.of(
            new StarterPack(
                    "catalog-sync",
                    "Catalog sync loop",
                    "A consumer that follows the changes feed and keeps its checkpoint",
                    List.of(
                            "changes:read",
                            "syncstate:read",
                            "syncstate:write",
                            "entries:read",
                            "products:read",
                            "variants:read",
                            "categories:read",
                            "tags:read"),
                    List.of("entry.*", "product.*", "variant.*"),
                    List.of("catalog-sync-loop-check"),
                    90,
                    14,
                    "the addresses of the sync workers",
                    120),
            new StarterPack(
                    "support-context",
                    "Support context lookup",
                    "A helpdesk integration reading orders and their customers, personal data included",
                    List.of(
                            "orders:read",
                            "orders:read_sensitive",
                            "users:read",
                            "users:read_sensitive",
                            "addresses:read",
                            "addresses:read_sensitive"),
                    List.of("order.*"),
                    List.of("support-context-lookup"),
                    30,
                    7,
                    "the helpdesk's egress addresses only: it reads personal data",
                    300),
            new StarterPack(
                    "content-editing",
                    "Content editing with approvals",
                    "An editor's assistant that drafts entry changes for a person to approve",
                    List.of(
                            "entries:read",
                            "sections:read",
                            "assets:read",
                            "runs:write",
                            "runs:read",
                            "artifacts:read"),
                    List.of("entry.*", "run.*"),
                    List.of("governed-content-edit"),
                    60,
                    7,
                    "the editorial tool's servers",
                    60),
            new StarterPack(
                    "agent-runner",
                    "Agent runner",
                    "An automation that submits agent task runs and collects their evidence",
                    List.of("runs:write", "runs:read", "artifacts:read", "agents:read"),
                    List.of("run.*"),
                    List.of("fix-failing-check"),
                    90,
                    14,
                    "the CI runners' addresses",
                    60),
            new StarterPack(
                    "auditor",
                    "Auditor",
                    "A compliance reader of the audit trail, incidents and lifecycle risks",
                    List.of("audit:read", "incidents:read", "lifecycle:read"),
                    List.of(),
                    List.of(),
                    30,
                    7,
                    "the compliance team's network",
                    30));

    public List<StarterPack> all() {
        return ALL;
    }

    public Optional<StarterPack> named(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * A credential request (as JSON) with its {@code starterPack} applied: the pack's scopes, event
     * interests, expiry and reminder window fill the members the request leaves out; a member it gives,
     * even {@code null}, wins. The grant ceiling and every other rule then apply to the result as to any
     * request. {@code validation_failed} naming {@code starterPack} for an unknown pack.
     */
    public JsonObject apply(JsonObject request) {
        JsonValue named = request.get("starterPack");
        if (!(named instanceof JsonString id)) {
            throw unknown("starterPack must be the id of a starter pack; see /starter-packs");
        }
        StarterPack pack = named(id.getString())
                .orElseThrow(() -> unknown(
                        "there is no starter pack " + FieldError.quoted(id.getString()) + "; see /starter-packs"));
        JsonObjectBuilder merged = Jsonp.createObjectBuilder(request).remove("starterPack");
        if (!request.containsKey("scopes")) merged.add("scopes", Jsonp.createArrayBuilder(pack.scopes()));
        if (!request.containsKey("eventInterests"))
            merged.add("eventInterests", Jsonp.createArrayBuilder(pack.eventInterests()));
        if (!request.containsKey("ttlDays")) merged.add("ttlDays", pack.ttlDays());
        if (!request.containsKey("reminderDays")) merged.add("reminderDays", pack.reminderDays());
        return merged.build();
    }

    private static AgentryException unknown(String message) {
        return AgentryException.validation(List.of(new FieldError("starterPack", "unknown_starter_pack", message)));
    }
}
