package dev.agentry.it.starterpacks;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static dev.agentry.it.harness.Api.postJson;
import static dev.agentry.it.harness.Api.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /api/v1/starter-packs, and credentials created from one (SPEC section 6). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StarterPacksIT {

    @Test
    void theCommonIntegrationsAreListed() {
        List<String> ids = listed(get("api/v1/starter-packs", asBootstrap())).stream()
                .map(p -> p.getString("id"))
                .toList();
        assertEquals(List.of("catalog-sync", "support-context", "content-editing", "agent-runner", "auditor"), ids);
        JsonObject sync = json(get("api/v1/starter-packs/catalog-sync", asBootstrap()));
        assertTrue(strings(sync, "scopes").contains("syncstate:write"));
        assertEquals(List.of("catalog-sync-loop-check"), strings(sync, "templates"));
        assertProblem(get("api/v1/starter-packs/nope", asBootstrap()), 404, "not_found");
    }

    @Test
    void aStarterPackCreatesTheCredentialItDescribesAndExplicitFieldsWin() {
        JsonObject pack = json(get("api/v1/starter-packs/catalog-sync", asBootstrap()));
        JsonObject created =
                createCredential("{\"name\":\"from a pack\",\"owner\":\"it\",\"starterPack\":\"catalog-sync\"}");
        JsonObject stored = json(get("api/v1/credentials/" + created.getString("id"), asBootstrap()));
        assertEquals(Set.copyOf(strings(pack, "scopes")), Set.copyOf(strings(stored, "scopes")));
        assertEquals(strings(pack, "eventInterests"), strings(stored, "eventInterests"));
        Duration ttl = Duration.between(Instant.now(), Instant.parse(stored.getString("expiresAt")));
        assertTrue(Math.abs(ttl.toDays() - pack.getInt("ttlDays")) <= 1, stored::toString);

        JsonObject narrowed = createCredential(
                "{\"name\":\"narrowed\",\"owner\":\"it\",\"starterPack\":\"catalog-sync\",\"scopes\":[\"changes:read\"]}");
        assertEquals(
                List.of("changes:read"),
                strings(json(get("api/v1/credentials/" + narrowed.getString("id"), asBootstrap())), "scopes"));
    }

    @Test
    void theGrantCeilingStillAppliesAndAnUnknownPackIsNamed() {
        String[] manager = bearer(Api.tokenFor(createCredential(
                "{\"name\":\"small manager\",\"owner\":\"it\",\"scopes\":[\"credentials:manage\",\"changes:read\"]}")));
        HttpResponse<String> beyond = postJson(
                "api/v1/credentials",
                "{\"name\":\"too much\",\"owner\":\"it\",\"starterPack\":\"catalog-sync\"}",
                manager);
        assertEquals(403, beyond.statusCode(), beyond.body());
        assertEquals("scope_denied", json(beyond).getString("code"));
        assertEquals(
                Set.of("starterPack:unknown_starter_pack"),
                Api.fieldErrors(postJson(
                        "api/v1/credentials",
                        "{\"name\":\"x\",\"owner\":\"it\",\"starterPack\":\"nope\"}",
                        asBootstrap())));
    }
}
