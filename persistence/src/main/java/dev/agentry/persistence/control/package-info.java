/** Governed writes: policies over actions, approvals and their decisions, and executions. */
package dev.agentry.persistence.control;
