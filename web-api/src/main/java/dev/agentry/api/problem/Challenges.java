package dev.agentry.api.problem;

import dev.agentry.core.problem.ErrorCode;
import java.util.function.BiConsumer;

/**
 * The {@code WWW-Authenticate} challenge (RFC 6750) that goes with each 401 code, pointing at the protected
 * resource metadata (RFC 9728 section 5.1) so a client such as an MCP client finds where tokens come from.
 */
public final class Challenges {

    private Challenges() {}

    /** Where RFC 9728 section 3 puts the metadata of a resource identified by the server's public URL. */
    public static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    static void add(ErrorCode code, String publicUrl, BiConsumer<String, Object> header) {
        String bearer = "Bearer realm=\"agentry\", resource_metadata=\"" + publicUrl + RESOURCE_METADATA + "\"";
        switch (code) {
            case AUTH_MISSING -> header.accept("WWW-Authenticate", bearer);
            case AUTH_INVALID -> header.accept("WWW-Authenticate", bearer + ", error=\"invalid_token\"");
            case TOKEN_EXPIRED ->
                header.accept(
                        "WWW-Authenticate",
                        bearer + ", error=\"invalid_token\", error_description=\"The token has expired\"");
            default -> {}
        }
    }
}
