package dev.agentry.api.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.changes.ChangeItem;
import dev.agentry.core.cursor.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangePageWriterTest {

    Page<ChangeItem> changes;
    Page<String> others;

    @Test
    void writesPagesOfChangesOnlyAndLeavesEveryOtherPageToJsonB() throws Exception {
        ChangePageWriter writer = new ChangePageWriter();
        Field changes = getClass().getDeclaredField("changes");
        Field others = getClass().getDeclaredField("others");

        assertTrue(writer.isWriteable(Page.class, changes.getGenericType(), null, null));
        assertFalse(writer.isWriteable(Page.class, others.getGenericType(), null, null));
        assertFalse(writer.isWriteable(Page.class, Page.class, null, null));
    }

    @Test
    void writesValidJsonWithSnapshotsAsObjectsTombstonesAsNullAndStringsEscaped() throws Exception {
        Page<ChangeItem> page = new Page<>(
                List.of(
                        new ChangeItem(
                                "c1",
                                "entries",
                                "u-1",
                                "update",
                                3,
                                Instant.parse("2026-11-21T10:00:00.5Z"),
                                "{\"title\":\"Caf\\u00e9 \\\"notes\\\"\",\"version\":3}"),
                        new ChangeItem("c2", "entries", "u\"2\\\n", "delete", 4, Instant.EPOCH, null)),
                "c2",
                true,
                2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ChangePageWriter().writeTo(page, Page.class, Page.class, null, null, null, out);

        JsonObject json = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .readObject();
        assertEquals(2, json.getInt("count"));
        assertEquals("c2", json.getString("nextCursor"));
        assertEquals(true, json.getBoolean("hasMore"));
        JsonObject update = json.getJsonArray("data").getJsonObject(0);
        assertEquals("Café \"notes\"", update.getJsonObject("snapshot").getString("title"));
        assertEquals("2026-11-21T10:00:00.500Z", update.getString("changedAt"));
        assertEquals(3, update.getInt("version"));
        JsonObject tombstone = json.getJsonArray("data").getJsonObject(1);
        assertEquals(JsonValue.NULL, tombstone.get("snapshot"));
        assertEquals("u\"2\\\n", tombstone.getString("resourceId"));
    }

    @Test
    void aStringIsWrittenWholeAroundWhatItEscapes() throws Exception {
        StringWriter out = new StringWriter();

        ChangePageWriter.string(out, "plain");
        ChangePageWriter.string(out, "\"a\\b\tc\u0001");
        ChangePageWriter.string(out, "");

        assertEquals("\"plain\"\"\\\"a\\\\b\\u0009c\\u0001\"\"\"", out.toString());
    }
}
