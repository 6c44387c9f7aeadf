package dev.agentry.core.secrets;

import dev.agentry.persistence.policy.SigningKey;
import dev.agentry.persistence.schema.AgentryDatabase;
import dev.agentry.persistence.secrets.StoredSecret;
import dev.agentry.persistence.webhooks.WebhookSubscription;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows that hold secrets, as a whole: sealing the ones still in the clear, a few per transaction,
 * and which KEKs the sealed ones need.
 */
@Stateless
public class SealedRows {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    SecretVault vault;

    /**
     * Seals up to {@code limit} rows that still hold a clear secret and empties their clear columns, in
     * a transaction of its own: an interrupted migration keeps what it committed and resumes with the
     * rest. Returns how many rows it sealed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealClearRows(int limit) {
        int sealed = 0;
        for (String kid : em.createNamedQuery("SigningKey.clear", String.class)
                .setMaxResults(limit)
                .getResultList()) {
            SigningKey key = em.find(SigningKey.class, kid, LockModeType.PESSIMISTIC_WRITE);
            StoredSecret clear = key.getPrivateKey();
            if (clear.legacyClear() != null) {
                key.seal(vault.seal(clear.legacyClear(), RowIdentity.signingKey(kid)), vault.kekId());
                sealed++;
            }
        }
        if (sealed >= limit) {
            return sealed;
        }
        for (Long id : em.createNamedQuery("WebhookSubscription.clear", Long.class)
                .setMaxResults(limit - sealed)
                .getResultList()) {
            WebhookSubscription subscription = em.find(WebhookSubscription.class, id, LockModeType.PESSIMISTIC_WRITE);
            RowIdentity row = RowIdentity.webhookSubscription(subscription.getUid());
            StoredSecret previous = subscription.getPreviousSecret();
            subscription.seal(
                    vault.seal(vault.open(subscription.getSecret(), row), row),
                    previous == null ? null : vault.seal(vault.open(previous, row), row),
                    vault.kekId());
            sealed++;
        }
        return sealed;
    }

    /** How many rows still hold a secret in the clear. */
    public long clearRows() {
        return em.createNamedQuery("SigningKey.clear", String.class)
                        .getResultList()
                        .size()
                + em.createNamedQuery("WebhookSubscription.clear", Long.class)
                        .getResultList()
                        .size();
    }

    /** The ids of the KEKs the stored envelopes were sealed under. */
    public Set<String> kekIdsInUse() {
        Set<String> ids = new TreeSet<>();
        ids.addAll(em.createNamedQuery("SigningKey.keks", String.class).getResultList());
        ids.addAll(em.createNamedQuery("WebhookSubscription.keks", String.class).getResultList());
        return ids;
    }
}
