package dev.agentry.core.providers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Sends one Chat Completions request, trying again where that can help. The attempt itself (timeout,
 * circuit breaker, bulkhead) is {@link ChatCompletionsAttempt}; a separate bean, so the wait a
 * provider's {@code Retry-After} asks for happens here, between attempts, and no attempt's timeout
 * counts it.
 */
@ApplicationScoped
public class ChatCompletions {

    @Inject
    ChatCompletionsAttempt attempt;

    @Inject
    ProviderCircuits circuits;

    /**
     * Retries only what a provider says is passing (429, 5xx), an answer that did not come in time, and
     * a full bulkhead; never a 4xx, a malformed answer, an open circuit or a stopped run.
     */
    @Retry(
            maxRetries = 3,
            delay = 200,
            jitter = 100,
            maxDuration = 10,
            durationUnit = ChronoUnit.MINUTES,
            retryOn = {ChatCall.Retryable.class, TimeoutException.class, BulkheadException.class})
    public ChatReply complete(ChatCall call) {
        call.awaitRetryAfter();
        if (call.stop.getAsBoolean()) {
            throw call.stopped();
        }
        return circuits.call(call.provider, () -> attempt.send(call));
    }
}
