package dev.agentry.api.policy;

import dev.agentry.core.problem.AgentryException;
import io.smallrye.jwt.auth.cdi.PrincipalProducer;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authenticates the API's bearer tokens with MicroProfile JWT, in the first filter of every request:
 * SmallRye JWT's parser verifies the token (once per token, {@link VerifiedTokenCache}), and the request
 * then carries it as its {@link SecurityContext} principal, its groups (the token's scopes) as roles,
 * and as the {@code JsonWebToken} the application injects.
 *
 * <p>Why not {@code @LoginConfig(authMethod = "MP-JWT")}: on WildFly that mechanism is a Jakarta
 * Security mechanism reached through Elytron's JASPI bridge and a virtual security domain, and per
 * request that path (the bridge, Soteria's bean lookups, the identity association and run-as of every
 * invocation) cost more than the whole policy check and audit record together. The API needs no
 * container identity: authorization is the policy filter's and {@code @RolesAllowed}'s, both reading
 * this security context. Its web module runs in an application security domain with JASPI off.
 *
 * <p>What a caller sees is unchanged: no token, or another scheme, leaves the request anonymous (a
 * route that needs a token then answers the precise 401 code); a bearer token that does not verify is
 * {@code 401}, on every route, as the container's mechanism answered it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    JWTParser parser;

    @Inject
    PrincipalProducer principal;

    @Inject
    BearerToken bearerToken;

    @Override
    public void filter(ContainerRequestContext context) {
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return;
        }
        JsonWebToken token;
        try {
            token = parser.parse(authorization.substring(SCHEME.length()).strip());
        } catch (ParseException e) {
            var failure = bearerToken.failure(authorization);
            throw new AgentryException(failure, BearerToken.detail(failure));
        }
        principal.setJsonWebToken(token);
        context.setSecurityContext(
                new TokenSecurity(token, context.getSecurityContext().isSecure()));
    }

    /** The security context of a request that presented a verified token. */
    private record TokenSecurity(JsonWebToken token, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return token;
        }

        @Override
        public boolean isUserInRole(String role) {
            return token.getGroups().contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
