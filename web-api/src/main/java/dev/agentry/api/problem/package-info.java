/**
 * The error contract: every failure, from a resource, the JAX-RS runtime or the servlet container,
 * leaves as {@code application/problem+json} with a stable code and the request id.
 */
package dev.agentry.api.problem;
