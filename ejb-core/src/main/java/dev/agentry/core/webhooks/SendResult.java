package dev.agentry.core.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one POST came to.
 *
 * @param statusCode the receiver's status, or {@code null} when none came (refused, timed out)
 * @param error why it failed without a status, or {@code null}
 * @param retryAfter what the receiver asked for with {@code Retry-After}
 * @param responseExcerpt the start of the response body, secrets removed
 */
record SendResult(
        Instant attemptedAt,
        Integer statusCode,
        long latencyMillis,
        String error,
        Optional<Duration> retryAfter,
        String responseExcerpt) {

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    /** A line for the attempt's record and the delivery's last error. */
    String outcome() {
        if (statusCode == null) {
            return error;
        }
        if (succeeded()) {
            return "delivered";
        }
        if (statusCode >= 300 && statusCode < 400) {
            return "HTTP " + statusCode + ": redirects are not followed";
        }
        return "HTTP " + statusCode;
    }
}
