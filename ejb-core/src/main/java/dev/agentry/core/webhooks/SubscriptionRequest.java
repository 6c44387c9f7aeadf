package dev.agentry.core.webhooks;

import java.util.List;

/**
 * A subscription as a caller creates or changes it; on change, a {@code null} leaves that part as
 * it is.
 *
 * @param url where deliveries go
 * @param events event types or patterns such as {@code order.*}
 * @param description for people
 * @param status {@code active} or {@code disabled} (changes only)
 */
public record SubscriptionRequest(String url, List<String> events, String description, String status) {}
