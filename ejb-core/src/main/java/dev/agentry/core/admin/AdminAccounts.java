package dev.agentry.core.admin;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.persistence.admin.AdminAccount;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console logins. Every attempt is audited with the name tried; after
 * {@code agentry.admin.lockout-attempts} failures in a row the account locks for
 * {@code agentry.admin.lockout-duration}, and an unknown name costs the same hashing time as a
 * known one, so timing does not tell which names exist.
 */
@Stateless
@Boundary
public class AdminAccounts {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    AdminPasswords passwords;

    @Inject
    @ConfigProperty(name = "agentry.admin.lockout-attempts", defaultValue = "5")
    int lockoutAttempts;

    @Inject
    @ConfigProperty(name = "agentry.admin.lockout-duration", defaultValue = "PT15M")
    Duration lockoutDuration;

    // Its own transaction: a failed attempt must be counted even though the login is refused.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoginResult login(String username, char[] password, String address) {
        Instant now = clock.instant();
        List<AdminAccount> found = em.createNamedQuery("AdminAccount.byUsername", AdminAccount.class)
                .setParameter("username", username == null ? "" : username.strip())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            passwords.matchDecoy(password);
            audit.refusal("admin.login", truncated(username), "auth_invalid");
            return LoginResult.INVALID;
        }
        AdminAccount account = found.get(0);
        if (account.lockedAt(now)) {
            audit.refusal("admin.login", account.getUsername(), "account_locked");
            return LoginResult.LOCKED;
        }
        if (!passwords.matches(password, account.getPasswordHash())) {
            account.failed(lockoutAttempts, now.plus(lockoutDuration));
            boolean locked = account.lockedAt(now);
            audit.refusal("admin.login", account.getUsername(), locked ? "account_locked" : "auth_invalid");
            return locked ? LoginResult.LOCKED : LoginResult.INVALID;
        }
        if (passwords.outdated(account.getPasswordHash())) {
            account.rehashed(passwords.hash(password));
        }
        account.succeeded(now, address);
        audit.action("admin.login", account.getUsername());
        return LoginResult.SUCCESS;
    }

    /** Records a sign-out, so the audit trail shows when a console session ended on purpose. */
    public void signedOut(String username) {
        audit.action("admin.logout", username);
    }

    public Duration lockoutDuration() {
        return lockoutDuration;
    }

    /** Creates an account; for the bootstrap and for tests of the console. */
    public void create(String username, char[] password) {
        em.persist(new AdminAccount(username, passwords.hash(password), clock.instant()));
        audit.action("admin.create", username);
    }

    public long count() {
        return em.createNamedQuery("AdminAccount.count", Long.class).getSingleResult();
    }

    private static String truncated(String username) {
        if (username == null) {
            return "";
        }
        return username.length() > 100 ? username.substring(0, 100) : username;
    }
}
