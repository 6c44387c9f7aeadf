package dev.agentry.core.retention;

import dev.agentry.persistence.webhooks.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Dead letters that failed (and were last replayed) before the horizon, with their deliveries and
 * attempts. One whose replay is still pending stays: its delivery is live again.
 */
@ApplicationScoped
public class DeadLetterPurge extends RowPurge {

    public DeadLetterPurge() {
        super(
                RetentionKind.DEAD_LETTERS,
                "DeadLetter",
                "l",
                "l.failedAt < :cutoff and (l.lastReplayedAt is null or l.lastReplayedAt < :cutoff)"
                        + " and l.delivery.status <> '" + WebhookDelivery.PENDING + "'");
    }

    @Override
    protected Map<String, Long> remove(List<Long> ids) {
        List<Long> deliveries = em.createQuery("select l.delivery.id from DeadLetter l where l.id in :ids", Long.class)
                .setParameter("ids", ids)
                .getResultList();
        Map<String, Long> removed = super.remove(ids);
        em.createQuery("delete from WebhookAttempt a where a.deliveryId in :ids")
                .setParameter("ids", deliveries)
                .executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.id in :ids")
                .setParameter("ids", deliveries)
                .executeUpdate();
        return removed;
    }
}
