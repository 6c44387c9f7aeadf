package dev.agentry.core.webhooks;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * POSTs one signed delivery with a JAX-RS client. A sender owns its client: the platform's client
 * holds one connection at a time, so each of the dispatcher's lanes has a sender of its own. Only
 * the signature is computed here, with a fresh timestamp, so a retry or replay is signed anew.
 */
final class WebhookSender implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final int EXCERPT = 1000;
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final Client client;
    private final Clock clock;
    private final WebhookUrlGuard guard;

    WebhookSender(Clock clock, WebhookUrlGuard guard) {
        this.clock = clock;
        this.guard = guard;
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    SendResult send(Outgoing delivery) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Optional<String> refusal = guard.refusal(delivery.url());
        if (refusal.isPresent()) {
            return new SendResult(at, null, 0, "refused: url " + refusal.get(), Optional.empty(), null);
        }
        long timestamp = at.getEpochSecond();
        try (Response response = client.target(delivery.url())
                .request()
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignature.header(delivery.secrets(), delivery.eventId(), timestamp, delivery.body()))
                .header("User-Agent", "Agentry-Webhooks/1")
                .post(Entity.entity(delivery.body(), MediaType.APPLICATION_JSON_TYPE))) {
            // Read whatever came back: hasEntity() is false for a body sent without a content type.
            String read = response.readEntity(String.class);
            String body = read == null ? "" : read;
            return new SendResult(
                    at,
                    response.getStatus(),
                    elapsed(started),
                    null,
                    retryAfter(response.getHeaderString("Retry-After"), at),
                    excerpt(body, delivery));
        } catch (ProcessingException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why =
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new SendResult(
                    at, null, elapsed(started), truncate(redact(why, delivery), 200), Optional.empty(), null);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** Seconds or an HTTP date; anything else is ignored. Capped, so a receiver cannot park a delivery for ever. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            try {
                asked = Duration.between(
                        now,
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (asked.isNegative()) {
            return Optional.empty();
        }
        return Optional.of(asked.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : asked);
    }

    private static String excerpt(String body, Outgoing delivery) {
        return body.isEmpty() ? null : truncate(redact(body, delivery), EXCERPT);
    }

    /** A receiver echoing the secret must not put it in the attempt history. */
    private static String redact(String text, Outgoing delivery) {
        String redacted = text;
        for (String secret : delivery.secrets()) {
            redacted = redacted.replace(secret, "[redacted]")
                    .replace(secret.substring(WebhookSignature.SECRET_PREFIX.length()), "[redacted]");
        }
        return redacted;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
