package dev.agentry.core.providers;

import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One circuit breaker per model provider. A {@code @CircuitBreaker} annotation keeps one circuit per
 * method, so a provider that keeps failing would stop every other provider's runs too; here each
 * provider name has a guard of its own, built once with SmallRye Fault Tolerance's programmatic API.
 * The attempt's timeout and bulkhead stay annotations on {@link ChatCompletionsAttempt}, the retry on
 * {@link ChatCompletions}: an attempt is what the circuit counts.
 *
 * <p>Settings by provider (README, "Model providers"): {@code .circuit-requests} (the window of last
 * attempts, 4), {@code .circuit-failure-ratio} (the failed share of the window that opens it, 0.75)
 * and {@code .circuit-delay} (how long it stays open before one trial call, {@code PT30S}).
 */
@ApplicationScoped
public class ProviderCircuits {

    private static final Logger LOG = Logger.getLogger(ProviderCircuits.class);

    static final int DEFAULT_REQUESTS = 4;
    static final double DEFAULT_FAILURE_RATIO = 0.75;
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);

    /** Bounded by the configured provider names, read once at startup. */
    private final Map<String, TypedGuard<ChatReply>> circuits = new ConcurrentHashMap<>();

    /**
     * Runs one attempt inside its provider's circuit. An open circuit throws {@code
     * CircuitBreakerOpenException} without calling {@code attempt}.
     */
    ChatReply call(ModelProvider provider, Supplier<ChatReply> attempt) {
        TypedGuard<ChatReply> circuit =
                inCore(() -> circuits.computeIfAbsent(provider.name(), ProviderCircuits::circuit));
        return inCore(() -> circuit.get(attempt));
    }

    /**
     * Runs {@code work} with the core's class loader as the thread's context class loader. SmallRye
     * finds its implementation with a ServiceLoader, and its CDI beans (some looked up at the first
     * call, not when the guard is built) with {@code CDI.current()}, both through that loader; a run's
     * thread has another module's (batch), which sees neither. The core's does: the EAR's
     * jboss-deployment-structure.xml imports the server's fault-tolerance module into it.
     */
    private static <T> T inCore(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ProviderCircuits.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The settings of one provider's circuit. */
    record Settings(int requests, double failureRatio, Duration delay) {

        static Settings of(Config config, String provider) {
            String key = ProviderSettings.PREFIX + provider + ".";
            try {
                Settings read = new Settings(
                        config.getOptionalValue(key + "circuit-requests", Integer.class)
                                .orElse(DEFAULT_REQUESTS),
                        config.getOptionalValue(key + "circuit-failure-ratio", Double.class)
                                .orElse(DEFAULT_FAILURE_RATIO),
                        config.getOptionalValue(key + "circuit-delay", String.class)
                                .map(Duration::parse)
                                .orElse(DEFAULT_DELAY));
                if (read.requests >= 1
                        && read.requests <= 1000
                        && read.failureRatio > 0
                        && read.failureRatio <= 1
                        && !read.delay.isNegative()
                        && !read.delay.isZero()) {
                    return read;
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // reported below, without the value
            }
            LOG.errorf(
                    "Model provider %s: circuit-requests is 1 to 1000, circuit-failure-ratio above 0 and at most 1,"
                            + " circuit-delay a positive ISO-8601 duration; the defaults apply.",
                    provider);
            return new Settings(DEFAULT_REQUESTS, DEFAULT_FAILURE_RATIO, DEFAULT_DELAY);
        }
    }

    private static TypedGuard<ChatReply> circuit(String provider) {
        Settings settings = Settings.of(ConfigProvider.getConfig(), provider);
        return TypedGuard.create(ChatReply.class)
                .withDescription("model provider " + provider)
                .withCircuitBreaker()
                .requestVolumeThreshold(settings.requests())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .failOn(List.of(ChatCall.Retryable.class, TimeoutException.class))
                .done()
                .build();
    }
}
