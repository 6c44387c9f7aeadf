package dev.agentry.core.secrets;

import java.util.Objects;

/**
 * The row a sealed secret belongs to, bound into its envelope as associated data. The identity is the
 * row's stable business key, not a column: a webhook subscription's current and previous secrets belong
 * to the same row, and a signing key's private key to its {@code kid}.
 *
 * @param table the table
 * @param key the row's stable key there
 */
public record RowIdentity(String table, String key) {

    public RowIdentity {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
    }

    public static RowIdentity signingKey(String kid) {
        return new RowIdentity("signing_key", kid);
    }

    public static RowIdentity webhookSubscription(String uid) {
        return new RowIdentity("webhook_subscription", uid);
    }

    String aad() {
        return table + "/" + key;
    }

    @Override
    public String toString() {
        return aad();
    }
}
