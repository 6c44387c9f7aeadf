package dev.agentry.core.policy;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;

/** A request over its credential's rate limit, with what the caller needs to back off. */
public class RateLimited extends AgentryException {

    private static final long serialVersionUID = 1L;

    private final RateLimit.Window window;

    public RateLimited(RateLimit.Window window) {
        super(
                ErrorCode.RATE_LIMITED,
                "This credential made too many requests; retry after " + window.resetSeconds() + " s.");
        this.window = window;
    }

    public RateLimit.Window window() {
        return window;
    }
}
