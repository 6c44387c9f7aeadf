package dev.agentry.api.problem;

import dev.agentry.core.problem.ErrorCode;
import java.util.function.BiConsumer;

/** The {@code WWW-Authenticate} challenge (RFC 6750) that goes with each 401 code. */
final class Challenges {

    private Challenges() {}

    static void add(ErrorCode code, BiConsumer<String, Object> header) {
        switch (code) {
            case AUTH_MISSING -> header.accept("WWW-Authenticate", "Bearer realm=\"agentry\"");
            case AUTH_INVALID -> header.accept("WWW-Authenticate", "Bearer realm=\"agentry\", error=\"invalid_token\"");
            case TOKEN_EXPIRED ->
                header.accept(
                        "WWW-Authenticate",
                        "Bearer realm=\"agentry\", error=\"invalid_token\", error_description=\"The token has expired\"");
            default -> {}
        }
    }
}
