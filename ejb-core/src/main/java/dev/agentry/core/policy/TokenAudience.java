package dev.agentry.core.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who issues Agentry's tokens and for whom: what the token service writes and the expiry check expects. */
@ApplicationScoped
public class TokenAudience {

    @Inject
    @ConfigProperty(name = "agentry.token.issuer", defaultValue = "urn:agentry")
    String issuer;

    @Inject
    @ConfigProperty(name = "agentry.token.audience", defaultValue = "agentry-api")
    String audience;

    /** The {@code iss} claim. */
    public String issuer() {
        return issuer;
    }

    /** The {@code aud} claim. */
    public String audience() {
        return audience;
    }
}
