package dev.agentry.core.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One configured {@code openai-compatible} provider ({@code agentry.providers.<name>.*}).
 *
 * @param baseUrl where its Chat Completions API lives; requests go to {@code <baseUrl>/chat/completions}
 * @param model the model used when neither the task nor the agent names one; may be empty
 * @param apiKeyEnv the name of the server environment variable holding its key, or empty for none: the
 *     key itself is never configured, stored or shown
 * @param timeout the longest one exchange may take, from sending to the complete answer
 * @param maxTokens the most tokens one completion may use ({@code max_tokens})
 */
public record ModelProvider(String name, URI baseUrl, String model, String apiKeyEnv, Duration timeout, int maxTokens) {

    /** The key from the server's environment, read when a call is made and kept nowhere else. */
    Optional<String> apiKey() {
        if (apiKeyEnv.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(System.getenv(apiKeyEnv)).filter(v -> !v.isEmpty());
    }

    URI completions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }
}
