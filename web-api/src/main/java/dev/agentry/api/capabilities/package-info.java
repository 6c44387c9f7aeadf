/**
 * The machine-readable contract: which surfaces exist, their routes, stability and scopes, and the
 * error-code catalog. Routes are read from the resources' own annotations, never from a kept list.
 */
package dev.agentry.api.capabilities;
