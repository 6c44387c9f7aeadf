package dev.agentry.api.policy;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.TokenService;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 9068 section 4: a resource server takes a JWT as an access token only if its {@code typ} header says
 * so, so that no other JWT signed with the same keys can stand in for one. SmallRye JWT (4.3, in WildFly)
 * does not check {@code typ}; the verified-token cache asks this after the signature is verified.
 */
final class AccessTokenType {

    private static final String MEDIA_TYPE = "application/" + TokenService.ACCESS_TOKEN_TYPE;

    private AccessTokenType() {}

    /** Whether the compact JWT's header declares {@code at+jwt} (or {@code application/at+jwt}). */
    static boolean declaredBy(String compactJwt) {
        int dot = compactJwt.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(compactJwt.substring(0, dot)), StandardCharsets.UTF_8)))) {
            JsonObject header = reader.readObject();
            String typ = header.getString("typ", "");
            return typ.equalsIgnoreCase(TokenService.ACCESS_TOKEN_TYPE) || typ.equalsIgnoreCase(MEDIA_TYPE);
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return false;
        }
    }
}
