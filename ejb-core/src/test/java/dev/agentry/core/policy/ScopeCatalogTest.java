package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scopes a credential can hold follow from the collection descriptors and the feature scopes. */
class ScopeCatalogTest {

    @Test
    void everyCollectionBringsItsReadScopeAndOnlyTheThreeWithOneTheirSensitiveScope() {
        for (CollectionDescriptor collection : CatalogCollections.ALL) {
            assertTrue(ScopeCatalog.named(collection.name() + ":read").isPresent(), collection.name());
            assertEquals(
                    List.of("users", "addresses", "orders").contains(collection.name()),
                    ScopeCatalog.named(collection.name() + ":read_sensitive").isPresent(),
                    collection.name());
        }
    }

    @Test
    void descriptionsSayWhatIsReadAndWhetherPersonalDataIsRedacted() {
        assertEquals("Read global sets", describe("global-sets:read"));
        assertEquals("Read users, personal data redacted", describe("users:read"));
        assertEquals("Read users' personal data", describe("users:read_sensitive"));
        assertEquals("Read donations, personal data always redacted", describe("donations:read"));
    }

    @Test
    void featureScopesFollowTheCollectionsAndGovernedWritesAreNotOffered() {
        for (Scope scope : Scope.values()) {
            assertEquals(scope.description(), describe(scope.scope()));
            assertEquals(
                    !scope.governedWrites(),
                    ScopeCatalog.offered().stream().anyMatch(s -> s.scope().equals(scope.scope())));
        }
        assertEquals(
                CatalogCollections.ALL.size() + 3 + Scope.values().length,
                ScopeCatalog.ALL.size(),
                "one read scope per collection, three sensitive ones, then the features'");
        assertFalse(ScopeCatalog.named("widgets:read").isPresent());
        assertEquals(
                Arrays.stream(Scope.values()).filter(Scope::governedWrites).count(),
                ScopeCatalog.ALL.size() - ScopeCatalog.offered().size());
    }

    private static String describe(String scope) {
        return ScopeCatalog.named(scope).orElseThrow().description();
    }
}
