package dev.agentry.core.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.policy.Grant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptScopeTest {

    private static final JsonObject USER = Json.createObjectBuilder()
            .add("uid", "u1")
            .add("name", "Ada")
            .add("email", "ada@example.com")
            .build();

    private static TranscriptEntry read(String tool, String collection, JsonValue data) {
        return new TranscriptEntry(
                "agentry/message/v1",
                3,
                "run_1",
                1,
                "tool_result",
                "tool",
                "2026-01-01T00:00:00Z",
                Json.createObjectBuilder()
                        .add("callId", "c1")
                        .add("tool", tool)
                        .add("status", "ok")
                        .add(
                                "result",
                                Json.createObjectBuilder()
                                        .add("collection", collection)
                                        .add("data", data))
                        .build());
    }

    private static JsonObject result(TranscriptEntry entry) {
        return entry.content().getJsonObject("result");
    }

    @Test
    void aReaderWithTheSensitiveScopeSeesTheReadAsItWas() {
        TranscriptEntry entry = read("catalog.read", "users", USER);
        assertSame(entry, TranscriptScope.shown(new Grant("c", Set.of("users:read", "users:read_sensitive")), entry));
    }

    @Test
    void withoutTheSensitiveScopePersonalFieldsAreRedactedInOneRecordAndInAPage() {
        Grant grant = new Grant("c", Set.of("users:read"));
        JsonObject one = result(TranscriptScope.shown(grant, read("catalog.read", "users", USER)))
                .getJsonObject("data");
        assertEquals(JsonValue.NULL, one.get("email"));
        assertEquals("Ada", one.getString("name"));
        assertTrue(one.getBoolean("redacted"));
        JsonObject inPage = result(TranscriptScope.shown(
                        grant,
                        read(
                                "catalog.read",
                                "users",
                                Json.createArrayBuilder().add(USER).build())))
                .getJsonArray("data")
                .getJsonObject(0);
        assertEquals(JsonValue.NULL, inPage.get("email"));
    }

    @Test
    void withoutTheReadScopeOrForAnUnknownCollectionTheRecordsAreWithheld() {
        Grant grant = new Grant("c", Set.of("orders:read"));
        for (String collection : new String[] {"users", "nowhere"}) {
            JsonObject shown = result(TranscriptScope.shown(grant, read("catalog.read", collection, USER)));
            assertTrue(shown.getBoolean("withheld"), shown.toString());
            assertFalse(shown.containsKey("data"));
            assertFalse(shown.toString().contains("ada@example.com"));
        }
    }

    @Test
    void otherToolsResultsPassUnchanged() {
        TranscriptEntry entry = read("workspace.read", "users", USER);
        assertSame(entry, TranscriptScope.shown(new Grant("c", Set.of()), entry));
    }
}
