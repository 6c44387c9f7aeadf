package dev.agentry.core.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one signed delivery over the dispatcher's HTTP client (HTTP/1.1, connections kept alive and
 * reused; as many open to one receiver as lanes send to it at once, at most). A send ends within
 * {@link #TIMEOUT} from its start, connecting, a receiver that trickles its answer and reading
 * included, and keeps at most {@link ResponseExcerpt#LIMIT} bytes of the answer. A sender serves one
 * lane, so its signer is its own. Only the signature is computed here, with a fresh timestamp, so a
 * retry or replay is signed anew.
 */
final class WebhookSender {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final int EXCERPT = 1000;
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final HttpClient client;
    private final Clock clock;
    private final WebhookUrlGuard guard;
    private final Duration timeout;
    private final WebhookSignature.Signer signer = new WebhookSignature.Signer();

    WebhookSender(HttpClient client, Clock clock, WebhookUrlGuard guard) {
        this(client, clock, guard, TIMEOUT);
    }

    WebhookSender(HttpClient client, Clock clock, WebhookUrlGuard guard, Duration timeout) {
        this.client = client;
        this.clock = clock;
        this.guard = guard;
        this.timeout = timeout;
    }

    /** The client the senders share: no redirects followed, HTTP/1.1, connecting bounded as a send is. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        signer.header(delivery.secrets(), delivery.eventId(), timestamp, delivery.body()))
                .header("User-Agent", "Agentry-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, response -> new ResponseExcerpt());
        try {
            // The request's own timeout ends with the answer's head; this bounds the body as well.
            HttpResponse<String> response = exchange.get(remaining(started), TimeUnit.NANOSECONDS);
            return new SendResult(
                    at,
                    response.statusCode(),
                    elapsed(started),
                    null,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null), at),
                    excerpt(response.body(), delivery));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failed(
                    at, started, "HttpTimeoutException: no complete answer in " + timeout.toMillis() + " ms", delivery);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(
                    at,
                    started,
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                    delivery);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return failed(at, started, "interrupted", delivery);
        }
    }

    private static SendResult failed(Instant at, long started, String why, Outgoing delivery) {
        return new SendResult(at, null, elapsed(started), truncate(redact(why, delivery), 200), Optional.empty(), null);
    }

    private long remaining(long started) {
        return Math.max(0, timeout.toNanos() - (System.nanoTime() - started));
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
        return body == null || body.isEmpty() ? null : truncate(redact(body, delivery), EXCERPT);
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
