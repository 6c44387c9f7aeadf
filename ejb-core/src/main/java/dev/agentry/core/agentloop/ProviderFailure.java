package dev.agentry.core.agentloop;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The provider could not answer; the run ends with outcome {@code provider_error}. The message and
 * evidence are the server's own words (status, error type, attempts), never the provider's body or
 * the prompt; the loop redacts them once more.
 */
public class ProviderFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient JsonObject evidence;

    public ProviderFailure(String message) {
        this(message, JsonValue.EMPTY_JSON_OBJECT);
    }

    public ProviderFailure(String message, JsonObject evidence) {
        super(message);
        this.evidence = evidence;
    }

    public JsonObject evidence() {
        return evidence;
    }
}
