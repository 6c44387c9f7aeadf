package dev.agentry.admin.security;

import dev.agentry.core.admin.AdminAccounts;
import dev.agentry.core.admin.LoginResult;
import dev.agentry.core.audit.AuditContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** Checks a console login against the admin accounts (slow hash, lockout), which audit every attempt. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    public static final String ROLE = "admin";

    @Inject
    AdminAccounts accounts;

    @Inject
    LoginAttempt attempt;

    @Inject
    AuditContext audit;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        audit.actingAdmin(login.getCaller());
        LoginResult result =
                accounts.login(login.getCaller(), login.getPassword().getValue(), request.getRemoteAddr());
        attempt.record(result);
        return result == LoginResult.SUCCESS
                ? new CredentialValidationResult(login.getCaller().strip(), Set.of(ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
