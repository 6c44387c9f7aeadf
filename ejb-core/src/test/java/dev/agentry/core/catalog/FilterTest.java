package dev.agentry.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentry.core.problem.AgentryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterTest {

    @Test
    void exactWildcardAndContainsAreToldApart() {
        assertEquals(new Filter("status", Filter.Match.EXACT, "live"), Filter.parse("status:live"));
        assertEquals(new Filter("sku", Filter.Match.WILDCARD, "SKU-1-*"), Filter.parse("sku:SKU-1-*"));
        assertEquals(new Filter("title", Filter.Match.CONTAINS, "Coffee"), Filter.parse("title~Coffee"));
        assertEquals(new Filter("note", Filter.Match.EXACT, "a~b"), Filter.parse("note:a~b"), "the first mark wins");
    }

    @Test
    void likePatternsEscapeTheCallersOwnWildcards() {
        assertEquals("%50\\%\\_off%", Filter.parse("title~50%_OFF").likePattern());
        assertEquals("SKU-1-%", Filter.parse("sku:SKU-1-*").likePattern());
        assertEquals("a\\\\b%", Filter.parse("path:a\\b*").likePattern());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", ":live", "status:", "~x", "title~"})
    void malformedFiltersNameTheFilterParameter(String raw) {
        AgentryException e = assertThrows(AgentryException.class, () -> Filter.parse(raw));
        assertEquals("filter", e.errors().get(0).field());
    }
}
