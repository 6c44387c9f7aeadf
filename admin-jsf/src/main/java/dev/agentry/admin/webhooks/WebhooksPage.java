package dev.agentry.admin.webhooks;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.webhooks.DeadLetterView;
import dev.agentry.core.webhooks.DeliveryView;
import dev.agentry.core.webhooks.ReplayRequest;
import dev.agentry.core.webhooks.ReplayResult;
import dev.agentry.core.webhooks.SubscriptionView;
import dev.agentry.core.webhooks.WebhookDeliveries;
import dev.agentry.core.webhooks.WebhookSubscriptions;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Webhooks as a credential has them: the console works on one credential at a time, through the same
 * boundaries (and rules) as that credential's own API calls. Dead letters replay one by one or in bulk.
 */
@Named
@ViewScoped
public class WebhooksPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CredentialService credentials;

    @Inject
    transient WebhookSubscriptions subscriptions;

    @Inject
    transient WebhookDeliveries deliveries;

    private List<CredentialView> owners;
    private String credentialId;
    private String subscriptionId;
    private List<SubscriptionView> subscriptionList = List.of();
    private List<DeliveryView> deliveryList = List.of();
    private List<DeadLetterView> deadLetters = List.of();
    private Map<String, Boolean> selected = new TreeMap<>();

    @PostConstruct
    void load() {
        owners = credentials.list(Grant.console()).stream()
                .filter(c -> !c.status().equals("revoked"))
                .toList();
        // Start with the first credential that has subscriptions, if any has.
        Set<String> subscribers = subscriptions.subscriberIds();
        credentialId = owners.stream()
                .map(CredentialView::id)
                .filter(subscribers::contains)
                .findFirst()
                .orElse(null);
        read();
    }

    public void choose() {
        subscriptionId = null;
        read();
    }

    public void showDeliveries(String subscription) {
        subscriptionId = subscription;
        read();
    }

    public void replay(String deadLetterId) {
        report(deliveries.replay(credentialId, new ReplayRequest(List.of(deadLetterId), null)));
        read();
    }

    public void replaySelected() {
        List<String> ids = new ArrayList<>();
        selected.forEach((id, on) -> {
            if (Boolean.TRUE.equals(on)) {
                ids.add(id);
            }
        });
        if (!ids.isEmpty()) {
            report(deliveries.replay(credentialId, new ReplayRequest(ids, null)));
        }
        selected.clear();
        read();
    }

    private void read() {
        if (credentialId == null || credentialId.isBlank()) {
            subscriptionList = List.of();
            deliveryList = List.of();
            deadLetters = List.of();
            return;
        }
        try {
            subscriptionList = subscriptions.list(credentialId);
            deadLetters = deliveries
                    .deadLetters(credentialId, null, null, null, new PageLimit(100), null)
                    .data();
            deliveryList = subscriptionId == null
                    ? List.of()
                    : deliveries
                            .history(credentialId, subscriptionId, new PageLimit(20), null)
                            .data();
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
    }

    private static void report(ReplayResult result) {
        String text = PageMessages.text("webhooks.replayed", result.replayed(), result.attempted());
        if (result.errors().isEmpty()) {
            PageMessages.info(text);
        } else {
            PageMessages.warn(text);
        }
    }

    public List<CredentialView> getOwners() {
        return owners;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public List<SubscriptionView> getSubscriptions() {
        return subscriptionList;
    }

    public List<DeliveryView> getDeliveries() {
        return deliveryList;
    }

    public List<DeadLetterView> getDeadLetters() {
        return deadLetters;
    }

    public Map<String, Boolean> getSelected() {
        return selected;
    }
}
