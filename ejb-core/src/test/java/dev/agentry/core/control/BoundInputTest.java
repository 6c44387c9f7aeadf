package dev.agentry.core.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BoundInputTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theHashIgnoresMemberOrderButNothingElse() {
        String a = BoundInput.hash(
                "entry.update", json("{\"id\":\"x\",\"fields\":{\"b\":1,\"a\":[2,{\"d\":1,\"c\":0}]}}"));
        String b = BoundInput.hash(
                "entry.update", json("{\"fields\":{\"a\":[2,{\"c\":0,\"d\":1}],\"b\":1},\"id\":\"x\"}"));
        assertEquals(a, b);
        assertNotEquals(
                a,
                BoundInput.hash(
                        "entry.update", json("{\"id\":\"y\",\"fields\":{\"b\":1,\"a\":[2,{\"d\":1,\"c\":0}]}}")));
        assertNotEquals(
                a,
                BoundInput.hash(
                        "entry.delete", json("{\"id\":\"x\",\"fields\":{\"b\":1,\"a\":[2,{\"d\":1,\"c\":0}]}}")));
        // An array keeps its order.
        assertNotEquals(BoundInput.hash("x", json("{\"a\":[1,2]}")), BoundInput.hash("x", json("{\"a\":[2,1]}")));
    }

    @Test
    void canonicalJsonSortsMembersAndEscapesNames() {
        assertEquals(
                "{\"a\\\"\":1,\"b\":[true,null,\"s\"]}",
                BoundInput.canonical(json("{\"b\":[true,null,\"s\"],\"a\\\"\":1}")));
    }
}
