/**
 * Model providers behind the agent loop: the {@code openai-compatible} Chat Completions client, its
 * operator settings by provider name, and the fault-tolerance guards of every outbound call.
 */
package dev.agentry.core.providers;
