package dev.agentry.core.agentloop;

/** The provider could not answer; the run ends with outcome {@code provider_error}. */
class ProviderFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderFailure(String message) {
        super(message);
    }
}
