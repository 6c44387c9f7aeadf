/**
 * Governed writes (SPEC section 10, experimental): a catalog of typed write actions, the policies that
 * govern them, approvals with dual control, and idempotent execution whose write, change record, webhook
 * event, execution record and audit record commit in one transaction.
 */
package dev.agentry.core.control;
