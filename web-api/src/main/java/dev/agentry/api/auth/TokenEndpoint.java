package dev.agentry.api.auth;

import dev.agentry.api.ApiApplication;
import dev.agentry.core.policy.TokenRefused;
import dev.agentry.core.problem.ErrorCode;

/**
 * The token endpoint answers every refusal in RFC 6749's error format (section 5.2), since OAuth clients
 * parse nothing else: also the refusals of the JAX-RS runtime (media type, method, malformed form) and of
 * the servlet filters (body or query over the limits), which would otherwise be problem documents.
 */
public final class TokenEndpoint {

    /** Below the API root. */
    public static final String PATH = "/auth/token";

    /** As the servlet container sees it, below the server root. */
    public static final String URI = "/api" + ApiApplication.PATH + PATH;

    /** The keys that verify its tokens, below the server root. */
    public static final String JWKS_URI = "/api" + ApiApplication.PATH + "/auth/jwks";

    private TokenEndpoint() {}

    /** Whether an answer with this code is given as an OAuth error; server errors and rate limits are not. */
    public static boolean answersAsOAuth(ErrorCode code) {
        return code.status() < 500 && code != ErrorCode.RATE_LIMITED;
    }

    /** A refusal known by its problem code, as the {@code invalid_request} it is for an OAuth client. */
    public static TokenRefused refusal(ErrorCode code) {
        return new TokenRefused(
                TokenRefused.Reason.INVALID_REQUEST,
                switch (code) {
                    case UNSUPPORTED_MEDIA_TYPE -> "The token request must be application/x-www-form-urlencoded.";
                    case METHOD_NOT_ALLOWED -> "The token endpoint accepts only POST.";
                    case NOT_ACCEPTABLE -> "The token endpoint answers only application/json.";
                    case PAYLOAD_TOO_LARGE -> "The token request is larger than this server accepts.";
                    default -> "The token request is malformed.";
                });
    }
}
