package dev.agentry.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import org.junit.jupiter.api.Test;

/** The one redaction of stored snapshots, shared by the changes feed and webhook deliveries. */
class PersonalDataTest {

    private static final CatalogCollections COLLECTIONS = new CatalogCollections();

    @Test
    void personalFieldsAreNulledAndMarkedTheRestKept() {
        CollectionDescriptor addresses = COLLECTIONS.named("addresses").orElseThrow();
        String redacted = PersonalData.redacted(
                addresses,
                "{\"uid\":\"a1\",\"fullName\":\"Ada\",\"line1\":\"1 Road\",\"city\":\"Bath\",\"postalCode\":\"BA1\","
                        + "\"phone\":\"+44\"}");
        assertEquals(
                "{\"uid\":\"a1\",\"fullName\":null,\"line1\":null,\"city\":\"Bath\",\"postalCode\":null,"
                        + "\"phone\":null,\"redacted\":true}",
                redacted);
    }

    @Test
    void aCollectionWithoutPersonalDataAndATombstoneAreUntouched() {
        String tag = "{\"uid\":\"t1\",\"name\":\"Autumn\"}";
        assertSame(tag, PersonalData.redacted(COLLECTIONS.named("tags").orElseThrow(), tag));
        assertNull(PersonalData.redacted(COLLECTIONS.named("users").orElseThrow(), (String) null));
    }
}
