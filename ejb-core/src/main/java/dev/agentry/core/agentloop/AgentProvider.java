package dev.agentry.core.agentloop;

import java.util.List;
import java.util.function.BooleanSupplier;

/** A model behind the loop. It sees the conversation so far and answers the next turn. */
public interface AgentProvider {

    /**
     * @param stop true when the run must stop: a provider that waits checks it and returns early
     * @throws ProviderFailure when it cannot answer
     */
    ProviderTurn next(List<Message> conversation, BooleanSupplier stop);
}
