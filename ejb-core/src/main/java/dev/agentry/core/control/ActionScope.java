package dev.agentry.core.control;

import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;

/** What an action needs of its caller's scopes: the read scope of what it touches. */
final class ActionScope {

    private ActionScope() {}

    /** Refuses with {@code scope_denied} a caller that cannot read what the action writes. */
    static void require(Grant grant, GovernedAction<?> action) {
        if (!action.subject().readableBy(grant)) {
            throw new AgentryException(
                    ErrorCode.SCOPE_DENIED,
                    action.name() + " writes " + action.subject().name() + ": it needs the "
                            + action.subject().readScope() + " scope.");
        }
    }
}
