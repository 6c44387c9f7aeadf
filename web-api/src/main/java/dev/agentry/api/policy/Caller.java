package dev.agentry.api.policy;

import dev.agentry.core.policy.Admission;
import dev.agentry.core.policy.Grant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The admitted caller of the current request, as the policy filter found it: its credential, and the
 * scopes it holds now — granted by its token and still held by its credential.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    HttpServletRequest request;

    public Admission admission() {
        if (request.getAttribute(PolicyFilter.ADMISSION) instanceof Admission admission) {
            return admission;
        }
        throw new IllegalStateException("no admitted caller: the route must need a token");
    }

    public String credentialId() {
        return admission().policy().credentialId();
    }

    public Set<String> scopes() {
        Set<String> held = Set.copyOf(admission().policy().scopes());
        return token.getGroups().stream().filter(held::contains).collect(Collectors.toUnmodifiableSet());
    }

    /** What this caller may see and do, by datum: the one rule every resource hands to ejb-core. */
    public Grant grant() {
        return new Grant(credentialId(), scopes());
    }
}
