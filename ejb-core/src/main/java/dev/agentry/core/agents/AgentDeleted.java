package dev.agentry.core.agents;

/**
 * An API agent is being deleted: fired synchronously inside the deleting transaction, so what belongs
 * to the agent alone (its memory, its sessions) goes with it or not at all. Observers in other feature
 * slices keep this slice free of theirs.
 */
public record AgentDeleted(String slug) {}
