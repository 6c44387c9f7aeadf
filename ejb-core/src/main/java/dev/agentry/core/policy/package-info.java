/**
 * Policy controls, the trust boundary: managed credentials and their secrets, scopes, IP allowlists,
 * expiry, tokens, rate limits.
 */
package dev.agentry.core.policy;
