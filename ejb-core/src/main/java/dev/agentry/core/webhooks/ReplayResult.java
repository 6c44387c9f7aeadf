package dev.agentry.core.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a replay request did: each dead letter asked for is replayed or refused with an error. A
 * refused one is left dead, exactly as it was: nothing is put back on the schedule that would not go
 * out.
 */
public record ReplayResult(int attempted, int replayed, List<ReplayError> errors) {

    /** Why a dead letter was refused: its subscription is disabled, so a delivery would sit unsent. */
    public static final String SUBSCRIPTION_DISABLED = "subscription disabled";

    /** Why a dead letter was refused: it was replayed and has not failed again since. */
    public static final String ALREADY_REPLAYED = "already replayed";

    /** Why a dead letter was refused: the caller has no dead letter with that id. */
    public static final String NOT_FOUND = "not found";

    /** Why one dead letter was not replayed; {@code detail} starts with one of the reasons above. */
    public record ReplayError(String id, String code, String detail) {

        /** The short reason, the part of the detail before any explanation. */
        public String reason() {
            int colon = detail.indexOf(':');
            return colon < 0 ? detail : detail.substring(0, colon);
        }
    }

    /** True when nothing was replayed and something was refused for a conflict (not merely missing). */
    public boolean conflicted() {
        return replayed == 0 && errors.stream().anyMatch(e -> "conflict".equals(e.code()));
    }

    /**
     * Exactly what happened, for people: "3 replayed, 1 refused: subscription disabled", or with
     * several reasons "3 replayed, 2 refused: 1 subscription disabled, 1 not found".
     */
    public String summary() {
        StringBuilder text = new StringBuilder().append(replayed).append(" replayed");
        Map<String, Integer> refused = new LinkedHashMap<>();
        errors.forEach(e -> refused.merge(e.reason(), 1, Integer::sum));
        if (refused.size() == 1) {
            refused.forEach((reason, count) ->
                    text.append(", ").append(count).append(" refused: ").append(reason));
        } else if (!refused.isEmpty()) {
            text.append(", ").append(errors.size()).append(" refused: ");
            text.append(String.join(
                    ", ",
                    refused.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey())
                            .toList()));
        }
        return text.toString();
    }
}
