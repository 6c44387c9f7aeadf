/**
 * Lifecycle governance (SPEC section 6): the API version, deprecations, feature flags, and the risks
 * each credential carries with the action that removes them.
 */
package dev.agentry.core.lifecycle;
