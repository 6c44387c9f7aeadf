package dev.agentry.core.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
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

        assertEquals(new Page<>(List.of(2), "c1", true, 1), lengths);
    }
}
