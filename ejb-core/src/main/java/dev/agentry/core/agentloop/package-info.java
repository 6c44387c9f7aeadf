/**
 * The provider-agnostic agent loop: turns of {@code agentry/message/v1} messages, tool calls through
 * the executor, budgets and stop reasons; and the providers behind it.
 */
package dev.agentry.core.agentloop;
