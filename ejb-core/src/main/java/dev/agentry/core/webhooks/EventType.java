package dev.agentry.core.webhooks;

/**
 * A kind of event subscribers can receive.
 *
 * @param type e.g. {@code order.created}
 * @param version the payload's version; a change that could break a receiver gets a new one
 * @param description when it is sent
 * @param dataSchema the {@code /schema} id describing the payload's {@code data}
 */
public record EventType(String type, int version, String description, String dataSchema) {}
