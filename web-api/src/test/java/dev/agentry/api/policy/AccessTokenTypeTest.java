package dev.agentry.api.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTokenTypeTest {

    @Test
    void anAccessTokenDeclaresAtJwtInEitherForm() {
        assertTrue(AccessTokenType.declaredBy(token("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}")));
        assertTrue(AccessTokenType.declaredBy(token("{\"alg\":\"RS256\",\"typ\":\"application/AT+JWT\"}")));
    }

    @Test
    void anyOtherJwtIsNotAnAccessToken() {
        assertFalse(AccessTokenType.declaredBy(token("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")));
        assertFalse(AccessTokenType.declaredBy(token("{\"alg\":\"RS256\"}")));
        assertFalse(AccessTokenType.declaredBy(token("{\"alg\":\"RS256\",\"typ\":7}")));
        assertFalse(AccessTokenType.declaredBy(token("[\"at+jwt\"]")));
        assertFalse(AccessTokenType.declaredBy("not base64!.e30.sig"));
        assertFalse(AccessTokenType.declaredBy(".e30.sig"));
        assertFalse(AccessTokenType.declaredBy("no-dots"));
    }

    private static String token(String header) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + ".e30.c2ln";
    }
}
