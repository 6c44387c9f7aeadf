package dev.agentry.core.retention;

import dev.agentry.persistence.webhooks.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deliveries that succeeded before the horizon, with their attempts. A delivery with a dead letter is the
 * dead letters' to remove.
 */
@ApplicationScoped
public class DeliveryPurge extends RowPurge {

    public DeliveryPurge() {
        super(
                RetentionKind.DELIVERIES,
                "WebhookDelivery",
                "d",
                "d.status = '" + WebhookDelivery.SUCCEEDED + "' and d.updatedAt < :cutoff"
                        + " and not exists (select 1 from DeadLetter l where l.delivery = d)");
    }

    @Override
    protected Map<String, Long> remove(List<Long> ids) {
        int attempts = em.createQuery("delete from WebhookAttempt a where a.deliveryId in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        Map<String, Long> removed = new HashMap<>(super.remove(ids));
        removed.put("delivery-attempts", (long) attempts);
        return removed;
    }
}
