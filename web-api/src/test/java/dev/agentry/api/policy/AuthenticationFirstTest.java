package dev.agentry.api.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuthenticationFirstTest {

    @Test
    void aTemplateVariableMatchesOneSegment() {
        Pattern cancel = AuthenticationFirst.template("/runs/{id}/cancel");

        assertTrue(cancel.matcher("/runs/r-1/cancel").matches());
        assertTrue(cancel.matcher("/runs/r-1/cancel/").matches());
        assertFalse(cancel.matcher("/runs/r-1/x/cancel").matches());
        assertFalse(cancel.matcher("/runs//cancel").matches());
    }

    @Test
    void literalPartsAreNotPatterns() {
        Pattern tokens = AuthenticationFirst.template("/auth/token.json");

        assertTrue(tokens.matcher("/auth/token.json").matches());
        assertFalse(tokens.matcher("/auth/tokenXjson").matches());
        assertTrue(
                AuthenticationFirst.template("/{collection}").matcher("/users").matches());
    }
}
