/**
 * Workspace publication (SPEC section 10, the engine of the {@code artifact.apply} action): a run's
 * verified patch committed, in memory, on a new branch of an operator-declared git repository.
 */
package dev.agentry.core.publication;
