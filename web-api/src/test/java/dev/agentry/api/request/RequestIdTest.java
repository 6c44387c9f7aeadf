package dev.agentry.api.request;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "req-123", "0f8fad5b-d9cb-469f-a165-70867728950e", "trace.id:42_x"})
    void aSaneIdIsEchoed(String incoming) {
        assertEquals(incoming, RequestId.acceptOrGenerate(incoming));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "line\nbreak", "<script>", "-leading-dash", "ümlaut", "a;b"})
    void anythingElseIsReplacedByAGeneratedUuid(String incoming) {
        String id = RequestId.acceptOrGenerate(incoming);

        assertNotEquals(incoming, id);
        assertDoesNotThrow(() -> UUID.fromString(id));
    }

    @org.junit.jupiter.api.Test
    void anOverlongIdIsReplaced() {
        String longest = "a".repeat(128);
        assertEquals(longest, RequestId.acceptOrGenerate(longest));
        assertNotEquals(longest + "a", RequestId.acceptOrGenerate(longest + "a"));
    }
}
