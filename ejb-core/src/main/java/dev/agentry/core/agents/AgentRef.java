package dev.agentry.core.agents;

/** An agent as something else names it (an audit record's target): its slug and its label. */
public record AgentRef(String slug, String label) {}
