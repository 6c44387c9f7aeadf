package dev.agentry.core.providers;

import dev.agentry.core.agentloop.ProviderFailure;
import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One turn's request to a provider across its attempts: the body, when the run must stop, the wait a
 * {@code Retry-After} asked for, and what the last attempt ran into (the evidence if all fail).
 */
final class ChatCall {

    /** Never wait longer than this for a provider's {@code Retry-After}: longer is a failure now. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    final ModelProvider provider;
    final byte[] body;
    final BooleanSupplier stop;

    private volatile Instant notBefore;
    volatile int attempts;
    volatile Integer lastStatus;
    volatile String lastErrorType;
    /** What the last failed attempt ran into, in the server's words; null before one failed. */
    volatile String lastFailure;

    ChatCall(ModelProvider provider, byte[] body, BooleanSupplier stop) {
        this.provider = provider;
        this.body = body;
        this.stop = stop;
    }

    void retryAfter(Duration wait) {
        notBefore = Instant.now().plus(wait);
    }

    /** Waits out the last {@code Retry-After}, in short steps so a cancel or the deadline ends it. */
    void awaitRetryAfter() {
        Instant until = notBefore;
        while (until != null && Instant.now().isBefore(until)) {
            if (stop.getAsBoolean()) {
                throw stopped();
            }
            try {
                Thread.sleep(Math.min(
                        100, Math.max(1, Duration.between(Instant.now(), until).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped();
            }
        }
    }

    ProviderFailure stopped() {
        return new Stopped();
    }

    /** What the run's failure evidence says: the provider, its last status and error type, the attempts. */
    JsonObject evidence(String error) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("provider", provider.name())
                .add("error", error)
                .add("attempts", attempts);
        if (lastStatus != null) {
            json.add("status", lastStatus);
        }
        if (lastErrorType != null) {
            json.add("errorType", lastErrorType);
        }
        return json.build();
    }

    /** The run had to stop while the call was waiting: not the provider's failure, nothing to retry. */
    static final class Stopped extends ProviderFailure {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("The run stopped while waiting for the model provider.");
        }
    }

    /** A failure worth another attempt: 429, a 5xx answer, or no answer within the provider's timeout. */
    static final class Retryable extends ProviderFailure {
        private static final long serialVersionUID = 1L;

        Retryable(String message, JsonObject evidence) {
            super(message, evidence);
        }
    }
}
