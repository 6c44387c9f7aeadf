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
import dev.agentry.core.webhooks.SubscriptionRequest;
import dev.agentry.core.webhooks.SubscriptionView;
import dev.agentry.core.webhooks.WebhookDeliveries;
import dev.agentry.core.webhooks.WebhookSubscriptions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Webhooks: the dead-letter queue across every credential's subscriptions (filtered by subscription,
 * event type and "failed since", replayed one by one or in bulk), and one credential's subscriptions
 * and deliveries, through the same boundaries (and rules) as that credential's own API calls. Which credential and subscription are shown
 * is in the address ({@code ?credential=&subscription=}), so every action answers with a redirect back
 * to it (Post/Redirect/Get) and reports exactly what the core did, refusals included. Subscriptions
 * are enabled (with a test event), disabled and deleted (after a confirmation) here.
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
    private String deleting;
    private String eventType;
    private String failedSince;

    /** How many dead letters the queue shows at once (the oldest first, as they wait). */
    static final int QUEUE = 100;

    /**
     * The view action: reads what the address names. Without a credential, the dead-letter queue is
     * the one across every credential's subscriptions (where the dashboard's count leads).
     */
    public void load() {
        Set<String> subscribers = subscriptions.subscriberIds();
        owners = credentials.list(Grant.console()).stream()
                .filter(c -> subscribers.contains(c.id()))
                .toList();
        if (credentialId != null && credentialId.isBlank()) {
            credentialId = null;
        }
        read();
    }

    /**
     * Enables a subscription again and sends it a test event at once, so the administrator sees at
     * the next look whether its receiver answers now.
     */
    public String enable(String subscription) {
        try {
            subscriptions.update(credentialId, subscription, new SubscriptionRequest(null, null, null, "active"));
            String eventId = subscriptions.test(credentialId, subscription);
            PageMessages.info(PageMessages.text("webhooks.enabled", eventId));
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
        return PageMessages.redirect(self());
    }

    public String disable(String subscription) {
        try {
            subscriptions.update(credentialId, subscription, new SubscriptionRequest(null, null, null, "disabled"));
            PageMessages.info(PageMessages.text("webhooks.disabled"));
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
        return PageMessages.redirect(self());
    }

    /** Asks before deleting: a subscription goes with its deliveries and dead letters. */
    public void askDelete(String subscription) {
        deleting = subscription;
    }

    public void cancelDelete() {
        deleting = null;
    }

    public String delete() {
        try {
            subscriptions.delete(credentialId, deleting);
            PageMessages.info(PageMessages.text("webhooks.deleted"));
            if (deleting.equals(subscriptionId)) {
                subscriptionId = null;
            }
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
        deleting = null;
        return PageMessages.redirect(self());
    }

    public String replay(String deadLetterId) {
        return replay(List.of(deadLetterId));
    }

    public String replaySelected() {
        List<String> ids = new ArrayList<>();
        selected.forEach((id, on) -> {
            if (Boolean.TRUE.equals(on)) {
                ids.add(id);
            }
        });
        selected.clear();
        if (ids.isEmpty()) {
            PageMessages.warn(PageMessages.text("webhooks.noneSelected"));
            return null;
        }
        return replay(ids);
    }

    private String replay(List<String> ids) {
        try {
            ReplayResult result = deliveries.replay(Grant.console(), new ReplayRequest(ids, null));
            if (result.errors().isEmpty()) {
                PageMessages.info(result.summary() + ".");
            } else {
                PageMessages.warn(result.summary() + ".");
            }
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        }
        return PageMessages.redirect(self());
    }

    /** This page for the current credential and subscription. */
    private String self() {
        StringBuilder page = new StringBuilder("webhooks");
        String separator = "?";
        if (credentialId != null) {
            page.append(separator).append("credential=").append(encode(credentialId));
            separator = "&";
        }
        for (String[] parameter :
                new String[][] {{"subscription", subscriptionId}, {"type", eventType}, {"since", failedSince}}) {
            if (parameter[1] != null && !parameter[1].isBlank()) {
                page.append(separator).append(parameter[0]).append('=').append(encode(parameter[1]));
                separator = "&";
            }
        }
        return page.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void read() {
        String subscription = blank(subscriptionId);
        String type = blank(eventType);
        try {
            Instant since = blank(failedSince) == null
                    ? null
                    : LocalDate.parse(failedSince.strip())
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
            if (credentialId == null) {
                deadLetters = deliveries
                        .deadLetters(Grant.console(), subscription, type, since, new PageLimit(QUEUE), null)
                        .data();
                return;
            }
            subscriptionList = subscriptions.list(credentialId);
            deadLetters = deliveries
                    .deadLetters(credentialId, subscription, type, since, new PageLimit(QUEUE), null)
                    .data();
            deliveryList = subscription == null
                    ? List.of()
                    : deliveries
                            .history(credentialId, subscription, new PageLimit(20), null)
                            .data();
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        } catch (DateTimeParseException e) {
            PageMessages.error(null, PageMessages.text("webhooks.badSince"));
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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

    /**
     * The chooser's value: the credential shown. It is submitted only by the chooser's own GET form (to
     * the {@code credential} view parameter); a postback of the other form, which does not carry it,
     * must not clear it, so setting it here does nothing.
     */
    public String getChosenCredential() {
        return credentialId;
    }

    public void setChosenCredential(String ignored) {
        // Chosen through the address only.
    }

    /** The subscription whose deletion awaits a confirmation, if any. */
    public String getDeleting() {
        return deleting;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getFailedSince() {
        return failedSince;
    }

    public void setFailedSince(String failedSince) {
        this.failedSince = failedSince;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
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
