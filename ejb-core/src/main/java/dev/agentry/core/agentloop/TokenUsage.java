package dev.agentry.core.agentloop;

/** Tokens a provider reported for one turn, or summed over a run. */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage plus(TokenUsage other) {
        return other == null
                ? this
                : new TokenUsage(
                        promptTokens + other.promptTokens,
                        completionTokens + other.completionTokens,
                        totalTokens + other.totalTokens);
    }
}
