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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    /**
     * Seals again, under the current KEK, up to {@code limit} rows sealed under another one, in a
     * transaction of its own with each row locked: a writer that changes the row meanwhile waits, and
     * readers keep opening it under the old KEK until the commit. Returns how many rows it moved.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int resealUnderCurrentKek(int limit) {
        String current = vault.kekId();
        int moved = 0;
        for (String kid : em.createNamedQuery("SigningKey.sealedUnderOther", String.class)
                .setParameter("kekId", current)
                .setMaxResults(limit)
                .getResultList()) {
            SigningKey key = em.find(SigningKey.class, kid, LockModeType.PESSIMISTIC_WRITE);
            if (key != null && !current.equals(key.getKekId())) {
                key.seal(vault.resealed(key.getPrivateKey(), RowIdentity.signingKey(kid)), current);
                moved++;
            }
        }
        if (moved >= limit) {
            return moved;
        }
        for (Long id : em.createNamedQuery("WebhookSubscription.sealedUnderOther", Long.class)
                .setParameter("kekId", current)
                .setMaxResults(limit - moved)
                .getResultList()) {
            WebhookSubscription subscription = em.find(WebhookSubscription.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (subscription != null && !current.equals(subscription.getKekId())) {
                RowIdentity row = RowIdentity.webhookSubscription(subscription.getUid());
                subscription.seal(
                        vault.resealed(subscription.getSecret(), row),
                        vault.resealed(subscription.getPreviousSecret(), row),
                        current);
                moved++;
            }
        }
        return moved;
    }

    /** The ids of the KEKs the stored envelopes were sealed under. */
    public Set<String> kekIdsInUse() {
        return kekUse().keySet();
    }

    /** How many rows each KEK seals, by KEK id. */
    public Map<String, Long> kekUse() {
        Map<String, Long> use = new TreeMap<>();
        for (String query : List.of("SigningKey.kekUse", "WebhookSubscription.kekUse")) {
            for (Object[] row : em.createNamedQuery(query, Object[].class).getResultList()) {
                use.merge((String) row[0], (Long) row[1], Long::sum);
            }
        }
        return use;
    }
}
