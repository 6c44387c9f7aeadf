package dev.agentry.admin.webhooks;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.webhooks.DeadLetterView;
import dev.agentry.core.webhooks.DeliveryView;
import dev.agentry.core.webhooks.ReplayRequest;
import dev.agentry.core.webhooks.ReplayResult;
import dev.agentry.core.webhooks.SubscriptionRef;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Webhooks: the dead-letter queue across every credential's subscriptions (filtered by subscription,
 * event type and "failed since", replayed one by one or in bulk), and one credential's subscriptions
 * and deliveries, through the same boundaries (and rules) as that credential's own API calls. Which
 * credential, filters and page of the queue are shown is in the address
 * ({@code ?credential=&subscription=&type=&since=&after=}), so every action answers with a redirect back
 * to it (Post/Redirect/Get) and reports exactly what the core did, refusals included. The queue shows
 * {@value #QUEUE} at a time and, when that is not all of it, says how many the filters select. Subscriptions
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
    private String cursor;
    private String nextCursor;
    private long queueSize;
    private List<SubscriptionChoice> subscriptionChoices = List.of();
    private boolean choicesCut;
    private Map<String, SubscriptionRef> subscriptionNames = Map.of();
    private Map<String, String> credentialNames = Map.of();

    /** How many dead letters the queue shows at once (the oldest first, as they wait). */
    static final int QUEUE = 100;

    /** How many subscriptions the queue's chooser offers across every credential (the newest). */
    static final int CHOICES = 200;

    /**
     * A subscription the queue's filter offers: by its description and URL (its credential's name too when
     * the queue is every credential's), never a bare id.
     */
    public record SubscriptionChoice(String id, String label) implements Serializable {}

    /**
     * The view action: reads what the address names. Without a credential, the dead-letter queue is
     * the one across every credential's subscriptions (where the dashboard's count leads).
     */
    public void load() {
        Set<String> subscribers = subscriptions.subscriberIds();
        List<CredentialView> all = credentials.list(Grant.console());
        credentialNames = all.stream().collect(Collectors.toMap(CredentialView::id, CredentialView::name, (a, b) -> a));
        owners = all.stream().filter(c -> subscribers.contains(c.id())).toList();
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

    /** This page for the current credential, filters and page of the queue. */
    private String self() {
        return "webhooks" + query(cursor);
    }

    /** The address's query (with its {@code ?}) for the current credential and filters, at {@code page}. */
    private String query(String page) {
        StringBuilder query = new StringBuilder();
        for (String[] parameter : new String[][] {
            {"credential", credentialId},
            {"subscription", subscriptionId},
            {"type", eventType},
            {"since", failedSince},
            {"after", page}
        }) {
            if (parameter[1] != null && !parameter[1].isBlank()) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(parameter[0])
                        .append('=')
                        .append(encode(parameter[1]));
            }
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void read() {
        String type = blank(eventType);
        try {
            Instant since = blank(failedSince) == null
                    ? null
                    : LocalDate.parse(failedSince.strip())
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
            Page<DeadLetterView> queue;
            if (credentialId == null) {
                chooseAcrossCredentials();
                String subscription = blank(subscriptionId);
                queue = deliveries.deadLetters(
                        Grant.console(), subscription, type, since, new PageLimit(QUEUE), blank(cursor));
                queueSize = queue.hasMore() || cursor != null
                        ? deliveries.deadLetterCount(Grant.console(), subscription, type, since)
                        : queue.count();
            } else {
                subscriptionList = subscriptions.list(credentialId);
                chooseOfCredential();
                String subscription = blank(subscriptionId);
                queue = deliveries.deadLetters(
                        credentialId, subscription, type, since, new PageLimit(QUEUE), blank(cursor));
                queueSize = queue.hasMore() || cursor != null
                        ? deliveries.deadLetterCount(credentialId, subscription, type, since)
                        : queue.count();
                deliveryList = subscription == null
                        ? List.of()
                        : deliveries
                                .history(credentialId, subscription, new PageLimit(20), null)
                                .data();
            }
            deadLetters = queue.data();
            nextCursor = queue.nextCursor();
            subscriptionNames = subscriptions.named(
                    deadLetters.stream().map(DeadLetterView::subscriptionId).collect(Collectors.toSet()));
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
        } catch (DateTimeParseException e) {
            PageMessages.error(null, PageMessages.text("webhooks.badSince"));
        }
    }

    /**
     * The subscriptions the queue across every credential may be narrowed to: the newest the console may
     * see, each by name, URL and credential, plus the one the address names if it is older than those.
     */
    private void chooseAcrossCredentials() {
        Page<SubscriptionRef> visible = subscriptions.visibleTo(Grant.console(), CHOICES);
        choicesCut = visible.hasMore();
        List<SubscriptionRef> offered = new ArrayList<>(visible.data());
        String chosen = blank(subscriptionId);
        if (chosen != null && offered.stream().noneMatch(r -> r.id().equals(chosen))) {
            offered.addAll(subscriptions.named(Set.of(chosen)).values());
        }
        subscriptionChoices = offered.stream()
                .map(r -> new SubscriptionChoice(
                        r.id(),
                        label(r.description(), r.url()) + " · "
                                + credentialNames.getOrDefault(r.credentialId(), r.credentialId())))
                .sorted(Comparator.comparing(SubscriptionChoice::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * The chosen credential's subscriptions to narrow its queue to. One the address names that is not the
     * credential's (the credential was changed in the chooser) is dropped, saying so, rather than answered
     * with "not found".
     */
    private void chooseOfCredential() {
        choicesCut = false;
        subscriptionChoices = subscriptionList.stream()
                .map(v -> new SubscriptionChoice(v.id(), label(v.description(), v.url())))
                .sorted(Comparator.comparing(SubscriptionChoice::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
        String chosen = blank(subscriptionId);
        if (chosen != null && subscriptionChoices.stream().noneMatch(c -> c.id().equals(chosen))) {
            PageMessages.warn(PageMessages.text("webhooks.notTheCredentials"));
            subscriptionId = null;
            cursor = null;
        }
    }

    /** How people know a subscription: its description with its URL, or its URL alone. */
    private static String label(String description, String url) {
        return description == null || description.isBlank() ? url : description.strip() + " — " + url;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The name a dead letter's subscription is known by (its description, else its URL), or its id if gone. */
    public String subscriptionName(DeadLetterView letter) {
        SubscriptionRef ref = subscriptionNames.get(letter.subscriptionId());
        return ref == null ? letter.subscriptionId() : ref.name();
    }

    /** The credential owning a dead letter's subscription (for the link to it), or null if it is gone. */
    public String subscriptionOwner(DeadLetterView letter) {
        SubscriptionRef ref = subscriptionNames.get(letter.subscriptionId());
        return ref == null ? null : ref.credentialId();
    }

    /** What part of the queue the page shows, when it is not all of it (else null). */
    public String getQueueNotice() {
        if (deadLetters.isEmpty() || (nextCursor == null && cursor == null)) {
            return null;
        }
        return cursor == null
                ? PageMessages.text("webhooks.queueFirst", deadLetters.size(), queueSize)
                : PageMessages.text("webhooks.queueLater", deadLetters.size(), queueSize);
    }

    /** The address of the queue's next page (the same filters), or null at its end. */
    public String getNextPage() {
        return nextCursor == null ? null : "webhooks.xhtml" + query(nextCursor);
    }

    /** The address of the queue's first page, when a later one is shown (else null). */
    public String getFirstPage() {
        return cursor == null ? null : "webhooks.xhtml" + query(null);
    }

    public long getQueueSize() {
        return queueSize;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public List<SubscriptionChoice> getSubscriptionChoices() {
        return subscriptionChoices;
    }

    /** Whether the chooser offers only the newest {@link #CHOICES} subscriptions of more. */
    public boolean isChoicesCut() {
        return choicesCut;
    }

    /** The queue filter's value: the subscription shown; chosen through the address only (as the credential). */
    public String getChosenSubscription() {
        return subscriptionId;
    }

    public void setChosenSubscription(String ignored) {
        // Chosen through the address only.
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
