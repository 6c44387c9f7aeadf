package dev.agentry.admin.webhooks;

import dev.agentry.core.webhooks.SubscriptionRequest;
import dev.agentry.core.webhooks.SubscriptionView;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The subscription form as typed: event types one to a line (or separated by commas), the rest as the API
 * takes it. The core checks everything; this only turns the text into its request.
 */
public class SubscriptionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String owner;
    private String url;
    private String events = "";
    private String description;
    private boolean enabled = true;

    static SubscriptionForm of(String owner, SubscriptionView subscription) {
        SubscriptionForm form = new SubscriptionForm();
        form.owner = owner;
        form.url = subscription.url();
        form.events = String.join("\n", subscription.events());
        form.description = subscription.description();
        form.enabled = "active".equals(subscription.status());
        return form;
    }

    /** The event types in the order typed; an empty text is no list (the core says one is required). */
    List<String> eventList() {
        return Arrays.stream(events == null ? new String[0] : events.split("[,\\n]"))
                .map(String::strip)
                .filter(type -> !type.isEmpty())
                .toList();
    }

    /** What creating it asks for: a new subscription is active (disabling it is a change after). */
    SubscriptionRequest creation() {
        return new SubscriptionRequest(blank(url), eventList(), blank(description), null);
    }

    /** What saving it asks for: everything on the form, its status included. */
    SubscriptionRequest change() {
        return new SubscriptionRequest(
                blank(url), eventList(), description == null ? "" : description, enabled ? "active" : "disabled");
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
