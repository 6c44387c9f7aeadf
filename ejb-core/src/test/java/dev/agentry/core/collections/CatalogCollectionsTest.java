package dev.agentry.core.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.catalog.PersonalData;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Guards the descriptors: what a new collection must bring is caught here, not in production. */
class CatalogCollectionsTest {

    @Test
    void aSensitiveScopeNeedsPersonalFieldsToReveal() {
        CollectionDescriptor tags = CollectionDescriptor.of(
                "tags", dev.agentry.persistence.catalog.Tag.class, "Labels", CollectionField.text("name"));
        assertThrows(IllegalStateException.class, tags::withSensitiveScope);
    }

    @Test
    void namesEntitiesAndFieldNamesAreUnique() {
        assertEquals(
                CatalogCollections.ALL.size(),
                CatalogCollections.ALL.stream()
                        .map(CollectionDescriptor::name)
                        .distinct()
                        .count());
        assertEquals(
                CatalogCollections.ALL.size(),
                CatalogCollections.ALL.stream()
                        .map(CollectionDescriptor::entity)
                        .distinct()
                        .count());
        for (CollectionDescriptor collection : CatalogCollections.ALL) {
            Set<String> seen = new HashSet<>();
            collection.fields().forEach(f -> assertTrue(seen.add(f.name()), collection.name() + "." + f.name()));
        }
    }

    @Test
    void theThreeCollectionsWithASensitiveScopeAreTheSpecs() {
        assertEquals(
                Set.of("users", "addresses", "orders"),
                CatalogCollections.ALL.stream()
                        .filter(c -> c.sensitiveScope().isPresent())
                        .map(CollectionDescriptor::name)
                        .collect(Collectors.toSet()));
    }

    @Test
    void redactionNullsPersonalFieldsUnlessTheScopeIsHeld() {
        CollectionDescriptor users = CatalogCollections.ALL.stream()
                .filter(c -> c.name().equals("users"))
                .findFirst()
                .orElseThrow();
        var snapshot = new java.util.LinkedHashMap<String, Object>();
        snapshot.put("name", "Ada");
        snapshot.put("email", "ada@example.com");

        var redacted = PersonalData.redacted(users, snapshot);
        assertEquals(null, redacted.get("email"));
        assertEquals(true, redacted.get("redacted"));
        assertEquals("Ada", redacted.get("name"));
        assertEquals("ada@example.com", snapshot.get("email"), "the loaded record is left as it is");
        assertTrue(users.revealsTo(Set.of("users:read_sensitive")));
        assertFalse(users.revealsTo(Set.of("users:read")));
    }
}
