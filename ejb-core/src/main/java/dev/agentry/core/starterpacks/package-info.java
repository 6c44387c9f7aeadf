/**
 * Starter packs (SPEC section 6): the scopes, event interests, templates and recommended expiry,
 * allowlist and rate of a common integration, and how a credential request takes them.
 */
package dev.agentry.core.starterpacks;
