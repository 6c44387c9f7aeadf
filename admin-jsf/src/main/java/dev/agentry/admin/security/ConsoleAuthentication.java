package dev.agentry.admin.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's sign-in: a Faces login page whose bean hands the credential to Jakarta Security; an
 * unauthenticated request for any page is redirected to it and, once signed in, back to where it was
 * going; the session then carries the identity, under a new id from sign-in on. It is written out
 * rather than declared with {@code @CustomFormAuthenticationMechanismDefinition} because the API's
 * MicroProfile JWT mechanism is visible in the same EAR: as the console's own alternative, this one is
 * the mechanism its pages get.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters() == null
                ? null
                : context.getAuthParameters().getCredential();
        if (credential == null) {
            return context.doNothing(); // a protected page then triggers the redirect to the login page
        }
        AuthenticationStatus status = context.notifyContainerAboutLogin(identityStores.validate(credential));
        if (status == AuthenticationStatus.SUCCESS && request.getSession(false) != null) {
            // Session fixation: whoever knew the id of the anonymous session (the login page made one
            // for its view state) must not hold a signed-in session. The session keeps its attributes
            // (where Jakarta Security keeps the identity) under an id only this response carries.
            request.changeSessionId();
        }
        return status;
    }
}
