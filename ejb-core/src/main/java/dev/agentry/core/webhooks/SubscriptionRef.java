package dev.agentry.core.webhooks;

import java.io.Serializable;

/**
 * A subscription as something else names it (an audit record's target): enough to show it by name and to
 * link to it.
 *
 * @param id its public id
 * @param credentialId the credential that owns it
 * @param url where its deliveries go
 * @param description its owner's words for it, or {@code null}
 */
public record SubscriptionRef(String id, String credentialId, String url, String description) implements Serializable {

    /** How people know it: its description, else its URL. */
    public String name() {
        return description == null || description.isBlank() ? url : description;
    }
}
