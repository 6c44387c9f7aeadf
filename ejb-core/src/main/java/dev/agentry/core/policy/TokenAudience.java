package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who issues Agentry's tokens and for whom: what the token service writes, the expiry check expects and
 * the authorization server metadata announces. The issuer is the server's public URL ({@code
 * agentry.public-url}), the one setting MicroProfile JWT's {@code mp.jwt.verify.issuer} also follows, so
 * a client given only that URL finds the metadata at its {@code /.well-known/oauth-authorization-server}.
 */
@ApplicationScoped
@Boundary
public class TokenAudience {

    /**
     * Where a server started with the run command answers. The API module's {@code
     * mp.jwt.verify.issuer} states the same default (a unit test there holds both to it).
     */
    public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

    @Inject
    @ConfigProperty(name = "agentry.public-url", defaultValue = DEFAULT_PUBLIC_URL)
    String publicUrl;

    @Inject
    @ConfigProperty(name = "agentry.token.audience", defaultValue = "agentry-api")
    String audience;

    /** The {@code iss} claim: the public URL exactly as configured, as the verifier compares it. */
    public String issuer() {
        return publicUrl;
    }

    /** The {@code aud} claim. */
    public String audience() {
        return audience;
    }
}
