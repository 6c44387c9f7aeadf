package dev.agentry.core.agents;

/** A second definition for a slug; the first stays, and this names where it came from. */
class DuplicateAgent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String firstOrigin;

    public DuplicateAgent(String slug, String firstOrigin) {
        super("Agent " + slug + " is already registered by " + firstOrigin + "; the first definition wins.");
        this.firstOrigin = firstOrigin;
    }

    public String firstOrigin() {
        return firstOrigin;
    }
}
