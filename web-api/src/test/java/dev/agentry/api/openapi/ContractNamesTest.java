package dev.agentry.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The names the contract filter gives operations, shared responses and collection schemas. */
class ContractNamesTest {

    @Test
    void operationsAreNamedAfterTheirResourceAndMethod() {
        assertEquals("credentials", ResourceOperations.noun("CredentialsResource"));
        assertEquals("syncState", ResourceOperations.noun("SyncStateResource"));
        assertEquals("openApi", ResourceOperations.noun("OpenApiResource"));
    }

    @Test
    void sharedProblemResponsesAreNamedByTheirReasonPhrase() {
        assertEquals("BadRequest", ProblemResponses.name(400));
        assertEquals("RequestEntityTooLarge", ProblemResponses.name(413));
        assertEquals("TooManyRequests", ProblemResponses.name(429));
    }

    @Test
    void eachCollectionsRecordIsNamedInTheSingular() {
        assertEquals("Entry", CollectionPaths.recordName("entries"));
        assertEquals("Category", CollectionPaths.recordName("categories"));
        assertEquals("Address", CollectionPaths.recordName("addresses"));
        assertEquals("ContentBlock", CollectionPaths.recordName("content-blocks"));
        assertEquals("GlobalSet", CollectionPaths.recordName("global-sets"));
    }
}
