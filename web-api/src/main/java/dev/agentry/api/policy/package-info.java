/**
 * The API side of the policy controls: who is calling from where, and the per-request checks of the
 * core's {@code AccessPolicy} applied to every routed request.
 */
package dev.agentry.api.policy;
