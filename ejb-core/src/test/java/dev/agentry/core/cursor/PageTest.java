package dev.agentry.core.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one list envelope, as JSON-B writes it for every list route. */
class PageTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Test
    void theEnvelopeAlwaysWritesItsFourMembersWithANullCursorAtTheEnd() {
        assertEquals(
                "{\"count\":2,\"data\":[\"a\",\"b\"],\"hasMore\":false,\"nextCursor\":null}",
                JSONB.toJson(Page.whole(List.of("a", "b"))));
        assertEquals(
                "{\"count\":1,\"data\":[\"a\"],\"hasMore\":true,\"nextCursor\":\"c1\"}",
                JSONB.toJson(Page.of(List.of("a"), "c1")));
    }

    @Test
    void aNewestFirstListingSaysWhetherOlderRecordsExist() {
        Page<String> page = Page.newest(List.of("3", "2", "1"), 2);

        assertEquals(List.of("3", "2"), page.data());
        assertEquals(2, page.count());
        assertEquals(true, page.hasMore());
        assertEquals(false, Page.newest(List.of("1"), 2).hasMore());
    }

    @Test
    void mappingKeepsThePosition() {
        Page<Integer> lengths = Page.of(List.of("ab"), "c1").map(String::length);

        assertEquals(List.of(2), lengths.data());
        assertEquals("c1", lengths.nextCursor());
        assertEquals(true, lengths.hasMore());
        assertEquals(1, lengths.count());
    }

    @Test
    void writingAPageNeverHashesItsRecords() {
        // A catalog page's records are maps of their fields; JSON-B's cycle check hashes the page it writes.
        Page<Map<String, Object>> page = Page.whole(List.of(unhashable("a"), unhashable("b")));

        assertEquals(
                "{\"count\":2,\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"hasMore\":false,\"nextCursor\":null}",
                JSONB.toJson(page));
        assertEquals(page, page);
        assertNotEquals(page, Page.whole(page.data()));
    }

    /** A record as the catalog writes it, which refuses to be hashed. */
    private static Map<String, Object> unhashable(String id) {
        Map<String, Object> fields = new LinkedHashMap<>() {
            @Override
            public int hashCode() {
                throw new AssertionError("hashed " + id);
            }
        };
        fields.put("id", id);
        return fields;
    }
}
