package dev.agentry.core.secrets;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * On start, seals the secrets of rows written before secrets were sealed (schema V10), a few rows per
 * transaction, so that afterwards no secret column holds clear text. Interrupted, it resumes on the
 * next start where it stopped; the readers open clear and sealed rows alike meanwhile. If it fails,
 * the server still starts and readiness ({@code secrets}) stays down while clear rows remain; only a
 * KEK that cannot be loaded at all (a malformed {@code agentry.secrets.kek}) stops the deployment.
 */
@Singleton
@Startup
public class ClearSecretsMigration {

    static final int ROWS_PER_TRANSACTION = 20;

    private static final Logger LOG = Logger.getLogger(ClearSecretsMigration.class);

    @Inject
    SealedRows rows;

    @Inject
    SecretVault vault;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sealClearRows() {
        vault.kekId(); // a misconfigured KEK stops the deployment here, with its reason, not at first use
        long total = 0;
        try {
            for (int sealed = rows.sealClearRows(ROWS_PER_TRANSACTION);
                    sealed > 0;
                    sealed = rows.sealClearRows(ROWS_PER_TRANSACTION)) {
                total += sealed;
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    "Sealing clear secrets stopped after %d rows (%s); it resumes on the next start",
                    total, e.getClass().getSimpleName());
            return;
        }
        if (total > 0) {
            LOG.infof("Sealed the secrets of %d rows stored in the clear before this version", total);
        }
    }
}
